package io.hippocamel.api;

/** A request that cannot be served, with the HTTP status and the {@code {"error","details"}} body it maps to. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String details;

    public ApiException(int status, String error, String details) {
        super(error, null, false, false);
        this.status = status;
        this.details = details;
    }

    public static ApiException badRequest(String details) {
        return new ApiException(400, "Invalid request parameters", details);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", null);
    }

    public int status() {
        return status;
    }

    public String details() {
        return details;
    }
}
