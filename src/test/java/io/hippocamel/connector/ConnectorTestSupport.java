package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelApplication;
import io.hippocamel.connector.gdrive.FakeGoogleDrive;
import io.hippocamel.connector.notion.FakeNotion;
import io.hippocamel.testsupport.LocalHttpServer;
import io.hippocamel.testsupport.ServerTestSupport;
import io.hippocamel.testsupport.ServerTestSupport.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the connector end-to-end tests: the real server (its own data dir) with a connectors folder written before
 * it starts, pointing at local fakes of Google Drive and Notion and at local folders. Every test class owns its
 * connectors (and their container tags); they run on the manual trigger except {@code files-scheduled}, which
 * Quartz fires every second. Secrets reach the files through {@code ${...}} placeholders.
 */
@SpringBootTest(classes = HippocamelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ConnectorTestSupport {

    public static final String KEY_A = "sm_connector_key_tenant_a";
    public static final String KEY_B = "sm_connector_key_tenant_b";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    protected int port;

    protected static final FakeGoogleDrive DRIVE = new FakeGoogleDrive();
    protected static final FakeNotion NOTION = new FakeNotion();
    /** Google's token endpoint, refusing every refresh token: the failing connector's. */
    protected static final FakeGoogleDrive REVOKED = new FakeGoogleDrive();
    private static final Path DATA = tempDir("hippocamel-connectors-data-");
    private static final Path CONNECTORS = tempDir("hippocamel-connectors-");
    protected static final Path FILES = folder("files");
    protected static final Path LIMITED = folder("limited");
    protected static final Path SCHEDULED = folder("scheduled");
    /** A small website: path (with query) → HTML; anything else answers 404. */
    protected static final Map<String, String> SITE = new ConcurrentHashMap<>();
    protected static final List<String> SITE_REQUESTS = new CopyOnWriteArrayList<>();
    protected static final LocalHttpServer WEB = new LocalHttpServer().handle("/", ex -> {
        String path = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        SITE_REQUESTS.add(path);
        String page = SITE.get(path);
        if (page == null) {
            LocalHttpServer.respond(ex, 404, "text/html", "<html><body>Not found</body></html>");
        } else {
            LocalHttpServer.respond(ex, 200, path.endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8",
                    page);
        }
    });

    static {
        REVOKED.revokeRefreshToken();
        write("files-test", """
                id: files-test
                type: filesystem
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: files-test
                settings:
                  path: %s
                  exclude: "**/*.tmp"
                """.formatted(FILES));
        write("files-limited", """
                id: files-limited
                type: filesystem
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: files-limited
                documentLimit: 2
                settings:
                  path: %s
                """.formatted(LIMITED));
        write("files-scheduled", """
                id: files-scheduled
                type: filesystem
                schedule: "0/1 * * * * ?"
                containerTag: files-scheduled
                settings:
                  path: %s
                """.formatted(SCHEDULED));
        write("drive-test", """
                id: drive-test
                type: google-drive
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: drive-test
                settings:
                  clientId: client-id
                  clientSecret: ${TEST_DRIVE_CLIENT_SECRET}
                  refreshToken: ${TEST_DRIVE_REFRESH_TOKEN}
                  apiBaseUrl: %s
                  tokenUrl: %s
                  pageSize: 2
                  retryBaseDelay: 10ms
                """.formatted(DRIVE.baseUrl(), DRIVE.tokenUrl()));
        write("drive-broken", """
                id: drive-broken
                type: google-drive
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: drive-broken
                settings:
                  clientId: client-id
                  clientSecret: client-secret
                  refreshToken: ${TEST_DRIVE_REFRESH_TOKEN}
                  apiBaseUrl: %s
                  tokenUrl: %s
                  retryBaseDelay: 10ms
                """.formatted(REVOKED.baseUrl(), REVOKED.tokenUrl()));
        write("notion-test", """
                id: notion-test
                type: notion
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: notion-test
                settings:
                  token: ${TEST_NOTION_TOKEN}
                  apiBaseUrl: %s
                  requestsPerSecond: 100
                  retryBaseDelay: 10ms
                """.formatted(NOTION.baseUrl()));
        write("web-test", """
                id: web-test
                type: web
                schedule: "0 0 3 1 1 ? 2099"
                containerTag: web-test
                settings:
                  startUrl: %s
                  maxDepth: 2
                """.formatted(WEB.url("/")));
        write("disabled", """
                # disabled: listed, never run, placeholders left alone
                id: disabled-example
                type: notion
                schedule: "0 0/15 * * * ?"
                containerTag: nowhere
                enabled: false
                settings:
                  token: ${NOT_SET_ANYWHERE}
                """);
    }

    /**
     * Its own data dir and keys: a context of its own (not {@code ServerTestSupport}'s, whose store it would share).
     */
    @DynamicPropertySource
    static void connectorProperties(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("hippocamel.data-dir", DATA::toString);
        registry.add("hippocamel.api-keys[0]", () -> KEY_A);
        registry.add("hippocamel.api-keys[1]", () -> KEY_B);
        registry.add("hippocamel.ingest.allow-private-urls", () -> "true");
        registry.add("hippocamel.ingest.max-file-size", () -> "5MB");
        registry.add("hippocamel.connectors.dir", CONNECTORS::toString);
        registry.add("TEST_DRIVE_CLIENT_SECRET", () -> "client-secret");
        registry.add("TEST_DRIVE_REFRESH_TOKEN", () -> "1//refresh-token");
        registry.add("TEST_NOTION_TOKEN", () -> FakeNotion.TOKEN);
    }

    /** A temporary folder removed with its content when the JVM exits. */
    protected static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // best effort at JVM exit
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder(String name) {
        try {
            return Files.createDirectories(tempDir("hippocamel-source-").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(String name, String yaml) {
        try {
            Files.writeString(CONNECTORS.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Response call(String method, String path, String body, String key) {
        return ServerTestSupport.call(port, method, path, body, key);
    }

    protected Response get(String path) {
        return call("GET", path, null, KEY_A);
    }

    protected Response post(String path, String body) {
        return call("POST", path, body, KEY_A);
    }

    /** Waits until the document (id or customId) reaches done, and returns it. */
    protected JsonNode awaitDone(String id) {
        AtomicReference<JsonNode> doc = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response r = get("/v3/documents/" + id);
            doc.set(r.json());
            String status = r.status() == 200 ? r.json().path("status").asText() : "";
            return status.equals("done") || status.equals("failed");
        });
        assertThat(doc.get().path("status").asText()).as("document %s: %s", id, doc.get().path("error").asText())
                .isEqualTo("done");
        return doc.get();
    }

    /** The connection as the API shows it to tenant A. */
    protected JsonNode connection(String id) {
        Response r = get("/v3/connections/" + id);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /**
     * Triggers a sync through {@code POST /v3/connections/{provider}/import} (scoped to the connector's own tag) and
     * waits for its run to finish; returns {@code lastSyncRun}.
     */
    protected JsonNode sync(String provider, String id) {
        String before = connection(id).path("lastSyncRun").path("completedAt").asText("");
        Response r = post("/v3/connections/" + provider + "/import", "{\"containerTags\":[\"" + id + "\"]}");
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        AtomicReference<JsonNode> run = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode last = connection(id).path("lastSyncRun");
            run.set(last);
            String completed = last.path("completedAt").asText("");
            return !completed.isEmpty() && !completed.equals(before);
        });
        return run.get();
    }

    /** Waits until the document with this customId is done, and returns it. */
    protected JsonNode awaitDoneByCustomId(String customId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/v3/documents/" + customId).status() == 200);
        return awaitDone(customId);
    }

    protected static void counts(JsonNode run, int added, int updated, int deleted) {
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("completed");
        assertThat(new int[] {run.path("added").asInt(), run.path("updated").asInt(), run.path("deleted").asInt()})
                .as("added, updated, deleted in " + run).containsExactly(added, updated, deleted);
    }
}
