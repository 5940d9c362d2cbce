package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.testsupport.LocalHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sources' retry rules against a real local server; waits are recorded instead of slept. */
class SourceHttpTest {

    private final LocalHttpServer server = new LocalHttpServer();
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceHttp http(int maxRetries) {
        return new SourceHttp(HttpClient.newHttpClient(), new SourceHttp.Policy(maxRetries, Duration.ofMillis(100),
                Duration.ofSeconds(30), Duration.ZERO,
                r -> r.statusCode() == 403 && SourceHttp.text(r).contains("userRateLimitExceeded")),
                waits::add, Clock.systemUTC());
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(URI.create(server.url("/x"))).GET().build();
    }

    /** Answers the given statuses in turn (then 200), with Retry-After on 429s when given. */
    private void answers(String retryAfter, int... statuses) {
        server.handle("/x", ex -> {
            int n = calls.getAndIncrement();
            int status = n < statuses.length ? statuses[n] : 200;
            if (status == 429 && retryAfter != null) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
            }
            String body = status == 403 ? "{\"error\":{\"errors\":[{\"reason\":\"userRateLimitExceeded\"}]}}" : "ok";
            LocalHttpServer.respond(ex, status, "application/json", body);
        });
    }

    @Test
    @DisplayName("429 waits exactly Retry-After seconds, then succeeds")
    void retryAfter() {
        answers("7", 429, 429);
        assertThat(http(5).send(get()).statusCode()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("a rate-limit 403 backs off exponentially; retries used up give rate_limited")
    void rateLimit403() {
        answers(null, 403, 403, 403, 403);
        assertThatThrownBy(() -> http(2).send(get())).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).code()).isEqualTo(SourceException.Code.RATE_LIMITED));
        assertThat(calls).hasValue(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    @DisplayName("5xx is retried a bounded number of times, then provider_unavailable; 404 is not retried")
    void serverErrors() {
        answers(null, 503, 500, 502, 503, 504);
        assertThatThrownBy(() -> http(3).send(get())).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).code())
                        .isEqualTo(SourceException.Code.PROVIDER_UNAVAILABLE));
        assertThat(calls).hasValue(4);

        calls.set(0);
        waits.clear();
        LocalHttpServer other = new LocalHttpServer().handle("/y", ex -> {
            calls.incrementAndGet();
            LocalHttpServer.respond(ex, 404, "application/json", "{}");
        });
        try {
            assertThat(http(3).send(HttpRequest.newBuilder(URI.create(other.url("/y"))).build()).statusCode())
                    .isEqualTo(404);
            assertThat(calls).hasValue(1);
            assertThat(waits).isEmpty();
        } finally {
            other.close();
        }
    }
}
