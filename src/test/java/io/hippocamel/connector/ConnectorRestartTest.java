package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelApplication;
import io.hippocamel.connector.gdrive.FakeGoogleDrive;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Drive cursor survives a restart: a server syncs, stops, a new server on the same data dir syncs again from the
 * saved {@code newStartPageToken} (no second full listing), and with nothing changed writes nothing.
 */
class ConnectorRestartTest {

    private static final String KEY = "sm_connector_restart_test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final FakeGoogleDrive drive = new FakeGoogleDrive();

    @AfterEach
    void stop() {
        drive.close();
    }

    @Test
    @DisplayName("after a restart the sync continues from the saved page token and a quiet run writes nothing")
    void cursorSurvivesRestart() throws Exception {
        Path connectors = Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(connectors.resolve("drive.yaml"), """
                id: drive
                type: google-drive
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: restart
                settings:
                  clientId: client-id
                  clientSecret: client-secret
                  refreshToken: "1//refresh-token"
                  apiBaseUrl: %s
                  tokenUrl: %s
                """.formatted(drive.baseUrl(), drive.tokenUrl()));
        drive.put("doc1", "Charter", FakeGoogleDrive.DOC, null, "The guild charter was signed in Bruges.");

        try (ConfigurableApplicationContext app = start(connectors)) {
            JsonNode run = sync(app);
            assertThat(run.path("added").asInt()).isEqualTo(1);
        }
        drive.put("doc2", "Ledger", "text/plain", null, "The ledger lists twelve barrels of herring.");
        int before = drive.requests().size();

        try (ConfigurableApplicationContext app = start(connectors)) {
            JsonNode run = sync(app);
            assertThat(run.path("added").asInt()).as(run.toString()).isEqualTo(1);
            List<FakeGoogleDrive.Seen> seen = drive.requests().subList(before, drive.requests().size());
            assertThat(seen).extracting(FakeGoogleDrive.Seen::path).doesNotContain("/drive/v3/files",
                    "/drive/v3/changes/startPageToken");
            assertThat(seen).filteredOn(r -> r.path().equals("/drive/v3/changes")).first()
                    .satisfies(r -> assertThat(r.query()).containsEntry("pageToken", "101"));

            JsonNode quiet = sync(app);
            assertThat(List.of(quiet.path("added").asInt(), quiet.path("updated").asInt(),
                    quiet.path("deleted").asInt())).containsExactly(0, 0, 0);
            assertThat(call(app, "GET", "/v3/documents/drive:doc1", null).statusCode()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start(Path connectors) {
        return new SpringApplicationBuilder(HippocamelApplication.class).run("--server.port=0",
                "--server.address=127.0.0.1", "--hippocamel.data-dir=" + dir.resolve("data"),
                "--hippocamel.api-keys[0]=" + KEY, "--hippocamel.connectors.dir=" + connectors);
    }

    private JsonNode sync(ConfigurableApplicationContext app) throws Exception {
        String before = lastRun(app).path("completedAt").asText("");
        assertThat(call(app, "POST", "/v3/connections/google-drive/import", "{}").statusCode()).isEqualTo(202);
        AtomicReference<JsonNode> run = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            run.set(lastRun(app));
            String completed = run.get().path("completedAt").asText("");
            return !completed.isEmpty() && !completed.equals(before);
        });
        assertThat(run.get().path("status").asText()).as(run.get().toString()).isEqualTo("completed");
        return run.get();
    }

    private JsonNode lastRun(ConfigurableApplicationContext app) throws IOException, InterruptedException {
        return JSON.readTree(call(app, "GET", "/v3/connections/drive", null).body()).path("lastSyncRun");
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext app, String method, String path,
                                             String body) throws IOException, InterruptedException {
        String port = app.getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
