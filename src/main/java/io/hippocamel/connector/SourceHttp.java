package io.hippocamel.connector;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The one HTTP client of the REST sources, with their shared rules in one place: requests spaced to the source's
 * rate ({@code minInterval}), rate-limit answers (429, and what {@code rateLimited} recognises, e.g. Drive's 403
 * {@code userRateLimitExceeded}) waited out for {@code Retry-After} or an exponential backoff, transient failures
 * (5xx, connection errors) retried a bounded number of times. Only GETs and read-only POSTs (search, query) go
 * through it, so every retry is safe.
 */
public class SourceHttp {

    /** How waiting is done; tests may count the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The rules of one source. */
    public record Policy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration minInterval,
                         Predicate<HttpResponse<byte[]>> rateLimited) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private Instant lastRequest = Instant.EPOCH;

    public SourceHttp(HttpClient client, Policy policy, Sleeper sleeper, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client with Java's default HTTP client, real sleeping and the system clock. */
    public static SourceHttp standard(Policy policy) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new SourceHttp(client, policy, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    /**
     * Sends the request (built afresh for each attempt) and returns the final answer: any status below 500 that is
     * not a rate limit, or throws {@link SourceException} once retries are used up.
     */
    public synchronized HttpResponse<byte[]> send(HttpRequest request) {
        for (int attempt = 0; ; attempt++) {
            pace();
            HttpResponse<byte[]> response;
            try {
                response = client.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(TIMEOUT).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= policy.maxRetries()) {
                    throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE,
                            request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(SourceException.Code.INTERNAL, "interrupted");
            }
            boolean limited = response.statusCode() == 429 || policy.rateLimited().test(response);
            boolean transientError = response.statusCode() >= 500;
            if (!limited && !transientError) {
                return response;
            }
            if (attempt >= policy.maxRetries()) {
                throw new SourceException(limited ? SourceException.Code.RATE_LIMITED
                        : SourceException.Code.PROVIDER_UNAVAILABLE, request.method() + " " + request.uri().getPath()
                        + " answered " + response.statusCode() + " " + snippet(response) + " after "
                        + (attempt + 1) + " attempts");
            }
            Duration wait = limited ? retryAfter(response).orElse(backoff(attempt)) : backoff(attempt);
            pause(wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait);
        }
    }

    /** The body as text, for error messages and JSON parsing. */
    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String snippet(HttpResponse<byte[]> response) {
        String body = text(response).replaceAll("\\s+", " ");
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Keeps at least {@code minInterval} between requests (Notion: about three per second). */
    private void pace() {
        if (policy.minInterval().isZero()) {
            return;
        }
        Duration since = Duration.between(lastRequest, clock.instant());
        if (since.compareTo(policy.minInterval()) < 0) {
            pause(policy.minInterval().minus(since));
        }
        lastRequest = clock.instant();
    }

    /** Truncated exponential backoff with jitter, as Google and Notion ask: base·2^attempt plus up to base. */
    private Duration backoff(int attempt) {
        long base = policy.baseDelay().toMillis();
        long millis = base * (1L << Math.min(attempt, 16)) + ThreadLocalRandom.current().nextLong(base + 1);
        return Duration.ofMillis(Math.min(millis, policy.maxDelay().toMillis()));
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date. */
    private java.util.Optional<Duration> retryAfter(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Retry-After").map(String::strip).flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration d = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException notDate) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(SourceException.Code.INTERNAL, "interrupted while waiting to retry");
        }
    }
}
