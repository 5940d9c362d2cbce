package io.hippocamel.memory.extract;

import java.time.Duration;

/**
 * A chat-completions call that failed: the endpoint could not be reached, timed out or answered an error status.
 * {@link #retryable()} for timeouts, connection errors, 429 and 5xx; {@link #retryAfter()} when the server said when.
 */
final class LlmCallException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    LlmCallException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    boolean retryable() {
        return retryable;
    }

    /** The server's Retry-After, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
