package io.hippocamel.api;

/** What an API handler answers: an HTTP status and a body serialised as JSON (null for no body). */
public record ApiResponse(int status, Object body) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }
}
