package io.hippocamel.http;

import java.time.Duration;
import java.util.function.BiPredicate;

/**
 * One caller's HTTP rules.
 *
 * @param connectTimeout  to open a connection
 * @param responseTimeout the longest silence while waiting for an answer
 * @param maxRetries      extra attempts after a rate limit (429), a 5xx or an I/O error; 0 never retries
 * @param baseDelay       the first backoff step (doubled each attempt, plus jitter up to itself)
 * @param maxDelay        the longest single wait, {@code Retry-After} included
 * @param rateLimited     recognises rate limits other than 429 from status and body (Drive's 403
 *                        {@code userRateLimitExceeded}); those are retried like a 429
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxRetries, Duration baseDelay,
                           Duration maxDelay, BiPredicate<Integer, String> rateLimited) {

    public HttpSettings {
        rateLimited = rateLimited == null ? (status, body) -> false : rateLimited;
    }

    /** Only 429 counts as a rate limit. */
    public HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxRetries, Duration baseDelay,
                        Duration maxDelay) {
        this(connectTimeout, responseTimeout, maxRetries, baseDelay, maxDelay, null);
    }
}
