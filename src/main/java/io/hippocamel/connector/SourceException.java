package io.hippocamel.connector;

/** A source call that failed for good (after the retries its kind allows), with the run's error code. */
public class SourceException extends RuntimeException {

    /** Supermemory's {@code lastSyncRun.errorCode} values. */
    public enum Code {
        AUTH_EXPIRED("auth_expired"), RATE_LIMITED("rate_limited"), PROVIDER_UNAVAILABLE("provider_unavailable"),
        INTERNAL("internal");

        private final String wire;

        Code(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final Code code;

    public SourceException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public SourceException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
