package io.hippocamel.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.http.HttpSettings;
import io.hippocamel.testsupport.LocalHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The OpenAI adapter against a local server speaking OpenAI's documented /v1/embeddings wire format. */
class OpenAiEmbedderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger limitedCalls = new AtomicInteger();
    private final AtomicInteger brokenCalls = new AtomicInteger();
    private LocalHttpServer server;

    @BeforeEach
    void start() {
        server = new LocalHttpServer().handle("/v1/embeddings", ex -> {
            JsonNode request = json.readTree(ex.getRequestBody());
            requests.add(request);
            authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
            List<Map<String, Object>> data = new ArrayList<>();
            int i = 0;
            // answer in reverse order: clients must use "index", not position
            List<JsonNode> inputs = new ArrayList<>();
            request.get("input").forEach(inputs::add);
            for (int k = inputs.size() - 1; k >= 0; k--) {
                String text = inputs.get(k).asText();
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("object", "embedding");
                item.put("index", k);
                item.put("embedding", List.of((double) text.length(), 0.0, 0.0, 3.0));
                data.add(item);
                i++;
            }
            Map<String, Object> body = Map.of("object", "list", "data", data, "model", request.get("model").asText(),
                    "usage", Map.of("prompt_tokens", i, "total_tokens", i));
            LocalHttpServer.respond(ex, 200, "application/json", json.writeValueAsBytes(body));
        }).handle("/limited/embeddings", ex -> {
            ex.getRequestBody().readAllBytes();
            if (limitedCalls.getAndIncrement() == 0) {
                ex.getResponseHeaders().set("Retry-After", "0");
                LocalHttpServer.respond(ex, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}");
                return;
            }
            LocalHttpServer.respond(ex, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"object\":"
                    + "\"embedding\",\"index\":0,\"embedding\":[3.0,4.0,0.0,0.0]}]}");
        }).handle("/broken/embeddings", ex -> {
            brokenCalls.incrementAndGet();
            LocalHttpServer.respond(ex, 500, "application/json", "{\"error\":{\"message\":\"overloaded\"}}");
        });
    }

    /** Fast retries for the tests: one retry, millisecond backoff. */
    private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
            Duration.ofMillis(5), Duration.ofMillis(50));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("sends model, input and key; returns unit vectors in input order, batched")
    void embedsInOrder() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(server.url("/v1"), "text-embedding-3-small", "sk-test", 4,
                Duration.ofSeconds(5), 2, json);
        List<float[]> vectors = embedder.embed(List.of("abcd", "a", "abcdefgh"));
        assertThat(vectors).hasSize(3);
        assertThat(vectors.get(0)[0]).isCloseTo(4f / 5f, within(1e-6f));
        assertThat(vectors.get(1)[0]).isCloseTo(1f / (float) Math.sqrt(10), within(1e-6f));
        assertThat(vectors.get(2)[0]).isCloseTo(8f / (float) Math.sqrt(73), within(1e-6f));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).get("model").asText()).isEqualTo("text-embedding-3-small");
        assertThat(requests.get(0).get("dimensions").asInt()).isEqualTo(4);
        assertThat(authHeaders).containsOnly("Bearer sk-test");
    }

    @Test
    @DisplayName("a 429 is retried after Retry-After and then succeeds")
    void rateLimitRetried() {
        OpenAiEmbedder embedder = new OpenAiEmbedder(server.url("/limited"), "m", null, 4, FAST, 8, json);
        List<float[]> vectors = embedder.embed(List.of("x"));
        assertThat(vectors.get(0)[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(limitedCalls).hasValue(2);
    }

    @Test
    @DisplayName("an error answer or a wrong dimension becomes an EmbeddingException")
    void errorsSurface() {
        OpenAiEmbedder broken = new OpenAiEmbedder(server.url("/broken"), "m", null, 4, FAST, 8, json);
        assertThatThrownBy(() -> broken.embed(List.of("x"))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("500").hasMessageContaining("overloaded");
        assertThat(brokenCalls).as("retried once").hasValue(2);
        OpenAiEmbedder wrongDim = new OpenAiEmbedder(server.url("/v1"), "m", null, 8, Duration.ofSeconds(5), 8, json);
        assertThatThrownBy(() -> wrongDim.embed(List.of("x"))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("expected 8");
        OpenAiEmbedder unreachable = new OpenAiEmbedder("http://127.0.0.1:1/v1", "m", null, 4, FAST, 8, json);
        assertThatThrownBy(() -> unreachable.embed(List.of("x"))).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("unreachable");
    }
}
