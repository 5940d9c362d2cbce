package io.hippocamel.router;

/** A router request refused before anything is forwarded (401 no key, 403 upstream not allowed, 400 bad path). */
public class RouterException extends RuntimeException {

    private final int status;

    public RouterException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
