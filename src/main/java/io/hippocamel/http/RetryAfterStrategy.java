package io.hippocamel.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.entity.BufferedHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * HttpClient's retry hook with our rules: rate limits (429, or what {@link HttpSettings#rateLimited()} recognises)
 * wait out {@code Retry-After} (delta-seconds or an HTTP date) or else back off exponentially with jitter, as Google
 * and Notion ask; 5xx and I/O errors (but not unknown hosts, refused private addresses or TLS failures) back off
 * too; at most {@code maxRetries} times, each wait capped at {@code maxDelay}. HttpClient replays only repeatable
 * bodies; callers send only requests that are safe to repeat (GETs, read-only POSTs such as searches, embeddings).
 */
public final class RetryAfterStrategy implements HttpRequestRetryStrategy {

    private final HttpSettings settings;
    private final Clock clock;

    public RetryAfterStrategy(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return execCount <= settings.maxRetries() && !(exception instanceof UnknownHostException)
                && !(exception instanceof SSLException)
                && !(exception instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return execCount <= settings.maxRetries() && (response.getCode() >= 500 || rateLimited(response));
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount,
                                      HttpContext context) {
        return TimeValue.ofMilliseconds(backoff(execCount).toMillis());
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ofMilliseconds(interval(response, execCount).toMillis());
    }

    /** How long to wait before attempt {@code execCount + 1}. */
    Duration interval(HttpResponse response, int execCount) {
        Duration wait = rateLimited(response) || response.getCode() == 503
                ? retryAfter(response.getFirstHeader(HttpHeaders.RETRY_AFTER)) : null;
        wait = wait == null ? backoff(execCount) : wait;
        return wait.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : wait;
    }

    /** Whether the answer is a rate limit: 429, or a status and body the caller's rule recognises. */
    public boolean rateLimited(HttpResponse response) {
        int status = response.getCode();
        if (status == 429) {
            return true;
        }
        if (status < 400 || status >= 500) {
            return false;
        }
        return settings.rateLimited().test(status, bufferedBody(response));
    }

    /** Truncated exponential backoff with jitter: base·2^(attempt-1) plus up to base. */
    private Duration backoff(int execCount) {
        long base = settings.baseDelay().toMillis();
        long millis = base * (1L << Math.min(Math.max(execCount - 1, 0), 16))
                + ThreadLocalRandom.current().nextLong(base + 1);
        return Duration.ofMillis(Math.min(millis, settings.maxDelay().toMillis()));
    }

    private Duration retryAfter(Header header) {
        if (header == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(value);
            if (at == null) {
                return null;
            }
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }

    /** Reads the body of an error answer once, keeping it readable for the caller. */
    private static String bufferedBody(HttpResponse response) {
        if (!(response instanceof ClassicHttpResponse classic) || classic.getEntity() == null) {
            return "";
        }
        try {
            HttpEntity entity = classic.getEntity();
            if (!entity.isRepeatable()) {
                entity = new BufferedHttpEntity(entity);
                classic.setEntity(entity);
            }
            return EntityUtils.toString(entity, StandardCharsets.UTF_8);
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            return "";
        }
    }
}
