package io.hippocamel.connector;

import io.hippocamel.http.HttpClients;
import io.hippocamel.http.HttpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * The HTTP client of the REST sources, with their shared rules in one place: requests spaced to the source's rate
 * ({@code minInterval}); rate limits (429, and what {@code rateLimited} recognises, e.g. Drive's 403
 * {@code userRateLimitExceeded}), 5xx and connection errors retried by the shared client
 * ({@link io.hippocamel.http.RetryAfterStrategy}: {@code Retry-After} or exponential backoff); what is still failing
 * after that becomes a {@link SourceException}. Only GETs and read-only POSTs (search, query, token) go through it, so
 * every retry is safe.
 */
public class SourceHttp {

    /** How pacing waits; tests may count the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The rules of one source; {@code rateLimited} sees the status and body of 4xx answers. */
    public record Policy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration minInterval,
                         BiPredicate<Integer, String> rateLimited) {
        public Policy {
            rateLimited = rateLimited == null ? (status, body) -> false : rateLimited;
        }
    }

    /** A final answer: any status below 500 that is not a rate limit. */
    public record Response(int status, byte[] body) {
        /** The body as text, for error messages and JSON parsing. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final CloseableHttpClient client;
    private final Policy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private Instant lastRequest = Instant.EPOCH;

    public SourceHttp(Policy policy, Sleeper sleeper, Clock clock) {
        this.client = HttpClients.create(new HttpSettings(CONNECT_TIMEOUT, RESPONSE_TIMEOUT, policy.maxRetries(),
                policy.baseDelay(), policy.maxDelay(), policy.rateLimited()));
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client with real sleeping and the system clock. */
    public static SourceHttp standard(Policy policy) {
        return new SourceHttp(policy, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    /**
     * Sends the request (retried by the client as its policy allows) and returns the final answer, or throws
     * {@link SourceException} for a rate limit, 5xx or connection error that outlasted the retries.
     */
    public synchronized Response send(ClassicHttpRequest request) {
        pace();
        String what = request.getMethod() + " " + request.getPath().replaceAll("\\?.*", "");
        Response response;
        try {
            response = client.execute(request, r -> new Response(r.getCode(),
                    r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, what + " failed: " + e.getMessage(),
                    e);
        }
        boolean limited = response.status() == 429
                || response.status() >= 400 && response.status() < 500
                && policy.rateLimited().test(response.status(), response.text());
        if (!limited && response.status() < 500) {
            return response;
        }
        throw new SourceException(limited ? SourceException.Code.RATE_LIMITED
                : SourceException.Code.PROVIDER_UNAVAILABLE, what + " answered " + response.status() + " "
                + snippet(response) + " after " + (policy.maxRetries() + 1) + " attempts");
    }

    private static String snippet(Response response) {
        String body = response.text().replaceAll("\\s+", " ");
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** Keeps at least {@code minInterval} between requests (Notion: about three per second). */
    private void pace() {
        if (policy.minInterval().isZero()) {
            return;
        }
        Duration since = Duration.between(lastRequest, clock.instant());
        if (since.compareTo(policy.minInterval()) < 0) {
            try {
                sleeper.sleep(policy.minInterval().minus(since));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException(SourceException.Code.INTERNAL, "interrupted while pacing requests");
            }
        }
        lastRequest = clock.instant();
    }
}
