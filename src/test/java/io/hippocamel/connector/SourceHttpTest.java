package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.testsupport.LocalHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The sources' retry rules against a real local server, with millisecond backoffs (the waits are in RetryAfterStrategyTest). */
class SourceHttpTest {

    private final LocalHttpServer server = new LocalHttpServer();
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    private SourceHttp http(int maxRetries) {
        return new SourceHttp(new SourceHttp.Policy(maxRetries, Duration.ofMillis(5), Duration.ofMillis(50),
                Duration.ZERO, (status, body) -> status == 403 && body.contains("userRateLimitExceeded")),
                d -> { }, Clock.systemUTC());
    }

    private ClassicHttpRequest get(String path) {
        return ClassicRequestBuilder.get(server.url(path)).build();
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
    @DisplayName("429 with Retry-After is retried, then succeeds")
    void retryAfter() {
        answers("0", 429, 429);
        SourceHttp.Response response = http(5).send(get("/x"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    @DisplayName("a rate-limit 403 is retried; retries used up give rate_limited")
    void rateLimit403() {
        answers(null, 403, 403, 403, 403);
        assertThatThrownBy(() -> http(2).send(get("/x"))).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).code()).isEqualTo(SourceException.Code.RATE_LIMITED));
        assertThat(calls).hasValue(3);
    }

    @Test
    @DisplayName("5xx is retried a bounded number of times, then provider_unavailable; 404 is not retried")
    void serverErrors() {
        answers(null, 503, 500, 502, 503, 504);
        assertThatThrownBy(() -> http(3).send(get("/x"))).isInstanceOf(SourceException.class)
                .satisfies(e -> assertThat(((SourceException) e).code())
                        .isEqualTo(SourceException.Code.PROVIDER_UNAVAILABLE));
        assertThat(calls).hasValue(4);

        AtomicInteger notFound = new AtomicInteger();
        server.handle("/y", ex -> {
            notFound.incrementAndGet();
            LocalHttpServer.respond(ex, 404, "application/json", "{}");
        });
        assertThat(http(3).send(get("/y")).status()).isEqualTo(404);
        assertThat(notFound).hasValue(1);
    }

    @Test
    @DisplayName("a read-only POST body is sent again on retry")
    void postReplayed() {
        server.handle("/search", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes());
            LocalHttpServer.respond(ex, calls.getAndIncrement() == 0 ? 503 : 200, "application/json", body);
        });
        SourceHttp.Response response = http(2).send(ClassicRequestBuilder.post(server.url("/search"))
                .setEntity("{\"query\":\"q\"}", org.apache.hc.core5.http.ContentType.APPLICATION_JSON).build());
        assertThat(response.text()).isEqualTo("{\"query\":\"q\"}");
        assertThat(calls).hasValue(2);
    }
}
