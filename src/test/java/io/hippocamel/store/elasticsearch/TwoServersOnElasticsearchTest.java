package io.hippocamel.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelApplication;
import io.hippocamel.HippocamelConstants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Hippocamel servers (two Spring contexts, each with its own data dir) sharing one pool on one Elasticsearch
 * node: what one writes the other finds and deletes, and a document one accepted before dying the other finishes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the second test stops the first server
class TwoServersOnElasticsearchTest {

    private static final String KEY = "sm_two_servers_key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String prefix = "two-" + UUID.randomUUID().toString().substring(0, 8);
    private final String tag = "two-servers";
    private Path dataDirs;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeAll
    void startServers() throws IOException {
        dataDirs = Files.createTempDirectory("hippocamel-two-");
        first = startServer("first");
        second = startServer("second");
    }

    @AfterAll
    void stopServers() throws IOException {
        for (ConfigurableApplicationContext server : new ConfigurableApplicationContext[] {first, second}) {
            if (server != null && server.isActive()) {
                server.close();
            }
        }
        try (Stream<Path> paths = Files.walk(dataDirs)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private ConfigurableApplicationContext startServer(String name) {
        // command-line arguments: they override config/application.yaml, as a real deployment's settings would
        return new SpringApplicationBuilder(HippocamelApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--hippocamel.data-dir=" + dataDirs.resolve(name),
                "--hippocamel.api-keys[0]=" + KEY,
                "--hippocamel.store.type=elasticsearch",
                "--hippocamel.store.elasticsearch.url=" + EmbeddedElasticsearch.url(),
                "--hippocamel.store.elasticsearch.index-prefix=" + prefix,
                "--hippocamel.store.elasticsearch.replicas=0",
                // short, so that taking over a dead server's document is quick to see
                "--hippocamel.store.elasticsearch.lease-ttl=2s",
                "--hippocamel.store.elasticsearch.abandoned-check-interval=1s",
                // a dying server does not wait for the work queued in it
                "--camel.main.shutdown-timeout=2");
    }

    @Test
    @Order(1)
    @DisplayName("a document added through one server is found, searched and deleted through the other")
    void writtenThroughOneFoundAndDeletedThroughTheOther() throws Exception {
        String id = add(first, "Ada keeps her bicycle in the blue shed behind the bakery.");
        awaitStatus(first, id, "done");

        assertThat(call(second, "GET", "/v3/documents/" + id, null).get("status").asText()).isEqualTo("done");
        // another server's writes become searchable within the index refresh interval
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                call(second, "POST", "/v3/search", "{\"q\":\"where is the bicycle\",\"containerTag\":\"" + tag + "\"}")
                        .get("results").findValuesAsText("documentId")).contains(id));

        call(second, "DELETE", "/v3/documents/" + id, null);

        assertThat(status(first, "GET", "/v3/documents/" + id)).isEqualTo(404);
    }

    @Test
    @Order(2)
    @DisplayName("a document the first server accepted and died on is processed by the second")
    void abandonedDocumentFinishedByTheOtherServer() throws Exception {
        // the first server accepts a document but never gets to process it: its pipeline is stopped, then it dies
        first.getBean(CamelContext.class).getRouteController().stopRoute(HippocamelConstants.ROUTE_INGEST_EXTRACT);
        String id = add(first, "The spare key to the workshop hangs on the hook next to the fuse box.");
        first.close();

        awaitStatus(second, id, "done");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                call(second, "POST", "/v3/search", "{\"q\":\"spare workshop key\",\"containerTag\":\"" + tag + "\"}")
                        .get("results").findValuesAsText("documentId")).contains(id));
    }

    private String add(ConfigurableApplicationContext server, String content) throws Exception {
        JsonNode added = call(server, "POST", "/v3/documents",
                "{\"content\":" + JSON.writeValueAsString(content) + ",\"containerTag\":\"" + tag + "\"}");
        return added.get("id").asText();
    }

    private void awaitStatus(ConfigurableApplicationContext server, String id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(call(server, "GET", "/v3/documents/" + id, null).path("status").asText()));
    }

    private static JsonNode call(ConfigurableApplicationContext server, String method, String path, String body)
            throws Exception {
        HttpResponse<String> response = send(server, method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static int status(ConfigurableApplicationContext server, String method, String path) throws Exception {
        return send(server, method, path, null).statusCode();
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext server, String method, String path,
                                             String body) throws Exception {
        String port = server.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
