package io.hippocamel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.HippocamelApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the API-level tests: the real server on a random loopback port, the real embedder and Lucene store in a
 * temporary data dir, two API keys (two tenants). One Spring context serves every subclass, so tests keep apart by
 * using their own container tags ({@link #uniqueTag}).
 */
@SpringBootTest(classes = HippocamelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTestSupport {

    public static final String KEY_A = "sm_test_key_tenant_a";
    public static final String KEY_B = "sm_test_key_tenant_b";
    private static final Path DATA_DIR = tempDir("hippocamel-test-");

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void serverProperties(DynamicPropertyRegistry registry) {
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("hippocamel.data-dir", DATA_DIR::toString);
        registry.add("hippocamel.api-keys[0]", () -> KEY_A);
        registry.add("hippocamel.api-keys[1]", () -> KEY_B);
        registry.add("hippocamel.ingest.allow-private-urls", () -> "true");
        registry.add("hippocamel.ingest.max-file-size", () -> "5MB");
        registry.add("hippocamel.router.allowed-upstreams[0]", () -> FakeLlmUpstream.get().baseUrl() + "/openai/");
        registry.add("hippocamel.router.allowed-upstreams[1]", () -> FakeLlmUpstream.get().baseUrl() + "/anthropic/");
        registry.add("hippocamel.router.allowed-upstreams[2]", () -> FakeLlmUpstream.get().baseUrl() + "/failing/");
        // small enough that a test conversation can exceed it
        registry.add("hippocamel.router.max-context-tokens", () -> "3000");
        registry.add("hippocamel.router.memory-tokens", () -> "500");
    }

    /** A temporary folder removed with its content when the JVM exits. */
    protected static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }

    /** A container tag no other test uses. */
    protected static String uniqueTag(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An HTTP answer: status, parsed JSON body (or null) and the raw text. */
    public record Response(int status, JsonNode json, String text, HttpResponse<byte[]> raw) {
    }

    protected Response call(String method, String path, String body, String key) {
        return call(port, method, path, body, key);
    }

    /** One JSON API call to a server on this loopback port; also for test classes with a server of their own. */
    public static Response call(int port, String method, String path, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return send(b.build());
    }

    protected Response post(String path, String body) {
        return call("POST", path, body, KEY_A);
    }

    protected Response get(String path) {
        return call("GET", path, null, KEY_A);
    }

    protected Response patch(String path, String body) {
        return call("PATCH", path, body, KEY_A);
    }

    protected Response delete(String path, String body) {
        return call("DELETE", path, body, KEY_A);
    }

    /** POST /v3/documents/file as multipart/form-data with one file and optional text fields. */
    protected Response upload(String fileName, String contentType, byte[] content, String... fields) {
        String boundary = "----hippocamel" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i + 1 < fields.length; i += 2) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                        + "\"\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/documents/file"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KEY_A)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").contains("json") && !text.isEmpty()) {
                json = JSON.readTree(text);
            }
            return new Response(r.statusCode(), json, text, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One raw HTTP/1.1 exchange: sends {@code head} and {@code body} (which may be only the start of what
     * Content-Length announces) and reads one answer (by its Content-Length or chunked end). A server that waited for
     * the rest of the body would not answer within the read timeout: what arrived by then (maybe nothing) is
     * returned for the assertions to fail on.
     */
    protected String raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                for (int b = in.read(); b >= 0 && !complete(answer.toString(StandardCharsets.UTF_8)); b = in.read()) {
                    answer.write(b);
                    if (complete(answer.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // no (complete) answer: returned as is
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = answer.substring(0, end).toLowerCase(Locale.ROOT);
        Matcher length = Pattern.compile("content-length: *(\\d+)").matcher(headers);
        if (length.find()) {
            return answer.length() - end - 4 >= Integer.parseInt(length.group(1));
        }
        return !headers.contains("chunked") || answer.endsWith("\r\n0\r\n\r\n");
    }

    /** The body of a raw answer, de-chunked when it came in chunks. */
    protected static String rawBody(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String body = answer.substring(end + 4);
        if (!answer.substring(0, end).toLowerCase(Locale.ROOT).contains("chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int line = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, line).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, line + 2, line + 2 + size);
            at = line + 2 + size + 2;
        }
    }

    protected static int rawStatus(String answer) {
        assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    protected static JsonNode rawJson(String answer) throws IOException {
        assertThat(answer).containsIgnoringCase("Content-Type: application/json");
        return JSON.readTree(rawBody(answer));
    }

    /** Adds a text document and returns its id (asserting the add was accepted). */
    protected String add(String json) {
        Response r = post("/v3/documents", json);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("queued");
        return r.json().get("id").asText();
    }

    /** Waits until the document reaches a final status and returns it. */
    protected JsonNode awaitFinal(String id) {
        JsonNode[] doc = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Response r = get("/v3/documents/" + id);
            doc[0] = r.json();
            return r.status() == 200 && (doc[0].get("status").asText().equals("done")
                    || doc[0].get("status").asText().equals("failed"));
        });
        return doc[0];
    }

    protected JsonNode awaitDone(String id) {
        JsonNode doc = awaitFinal(id);
        assertThat(doc.get("status").asText()).as("document %s: %s", id, doc.path("error").asText())
                .isEqualTo("done");
        return doc;
    }

    protected static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
