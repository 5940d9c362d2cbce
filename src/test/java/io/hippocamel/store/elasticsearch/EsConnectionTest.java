package io.hippocamel.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hippocamel.testsupport.LocalHttpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Credentials reach a secured cluster as Elasticsearch expects them: a local HTTP server in place of the cluster
 * answers like one (the product header the client checks, 401 with a challenge for basic auth) and records what
 * arrives.
 */
class EsConnectionTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private LocalHttpServer cluster;

    @BeforeEach
    void startCluster() {
        cluster = new LocalHttpServer().handle("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            if (authorization == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.sendResponseHeaders(200, -1); // HEAD /<index>: it exists
            }
            exchange.close();
        });
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    @DisplayName("an API key goes out as 'Authorization: ApiKey <key>' on every request")
    void apiKey() throws Exception {
        ElasticsearchClient client = connection("c2VjcmV0OmtleQ==", null, null).newClient();

        assertThat(client.indices().exists(e -> e.index("hippocamel-documents")).value()).isTrue();

        assertThat(authorizations).containsExactly("ApiKey c2VjcmV0OmtleQ==");
        client._transport().close();
    }

    @Test
    @DisplayName("user and password go out as basic auth when the cluster asks for them")
    void basicAuth() throws Exception {
        ElasticsearchClient client = connection(null, "hippo", "s3cret").newClient();

        assertThat(client.indices().exists(e -> e.index("hippocamel-documents")).value()).isTrue();

        assertThat(authorizations).last().isEqualTo("Basic aGlwcG86czNjcmV0");
        client._transport().close();
    }

    @Test
    @DisplayName("an API key and a user at once, or no URL, are configuration errors")
    void invalidSettings() {
        assertThatThrownBy(() -> connection("key", "user", "pw")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("either an API key or a username");
        assertThatThrownBy(() -> EsConnection.of(" , ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("URL");
    }

    @Test
    @DisplayName("secrets never show in the connection's text")
    void secretsNotPrinted() {
        assertThat(connection("topsecretkey", null, null).toString()).doesNotContain("topsecretkey");
        assertThat(connection(null, "hippo", "s3cret").toString()).doesNotContain("s3cret");
    }

    private EsConnection connection(String apiKey, String username, String password) {
        return new EsConnection(List.of(cluster.url("")), apiKey, username, password, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
