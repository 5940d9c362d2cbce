package io.hippocamel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How long and whether the shared client waits before a retry; computed, not slept. */
class RetryAfterStrategyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final RetryAfterStrategy strategy = new RetryAfterStrategy(new HttpSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 2, Duration.ofMillis(100), Duration.ofSeconds(30),
            (status, body) -> status == 403 && body.contains("userRateLimitExceeded")),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static BasicClassicHttpResponse response(int status, String retryAfter, String body) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setEntity(new StringEntity(body));
        return response;
    }

    @Test
    @DisplayName("429 waits exactly Retry-After, as seconds or as an HTTP date, capped at maxDelay")
    void retryAfter() {
        assertThat(strategy.interval(response(429, "7", ""), 1)).isEqualTo(Duration.ofSeconds(7));
        assertThat(strategy.interval(response(429, DateUtils.formatStandardDate(NOW.plusSeconds(12)), ""), 1))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(strategy.interval(response(503, "3", ""), 1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(strategy.interval(response(429, "3600", ""), 1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("without Retry-After: exponential backoff with jitter; a recognised 403 is a rate limit")
    void backoff() {
        BasicClassicHttpResponse limited = response(403, null, "{\"reason\":\"userRateLimitExceeded\"}");
        assertThat(strategy.retryRequest(limited, 1, null)).isTrue();
        assertThat(strategy.interval(limited, 1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(strategy.interval(limited, 2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
        assertThat(strategy.retryRequest(limited, 3, null)).as("maxRetries 2").isFalse();
        assertThat(strategy.retryRequest(response(403, null, "{\"reason\":\"forbidden\"}"), 1, null)).isFalse();
    }

    @Test
    @DisplayName("5xx and connection errors are retried; 404, unknown hosts and refused addresses are not")
    void whatIsRetried() {
        HttpGet get = new HttpGet("http://example.com/");
        assertThat(strategy.retryRequest(response(500, null, ""), 1, null)).isTrue();
        assertThat(strategy.retryRequest(response(404, null, ""), 1, null)).isFalse();
        assertThat(strategy.retryRequest(get, new ConnectException("refused"), 1, null)).isTrue();
        assertThat(strategy.retryRequest(get, new IOException("reset"), 3, null)).isFalse();
        assertThat(strategy.retryRequest(get, new UnknownHostException("nope"), 1, null)).isFalse();
    }
}
