package io.hippocamel.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A client of the Memory API over loopback HTTP (java.net.http + Jackson), thread-safe. */
final class ApiClient {

    /** Documents per {@code POST /v3/documents/batch}. */
    static final int BATCH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String key;

    ApiClient(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    /** One document of a batch add. */
    record NewDoc(String content, String customId, Map<String, Object> metadata) {
        static NewDoc of(String content) {
            return new NewDoc(content, null, null);
        }
    }

    /** POST /v3/documents/batch into one container tag; returns the new ids in input order. */
    List<String> addBatch(String containerTag, List<NewDoc> docs) {
        List<Map<String, Object>> items = new ArrayList<>(docs.size());
        for (NewDoc d : docs) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("content", d.content());
            if (d.customId() != null) {
                item.put("customId", d.customId());
            }
            if (d.metadata() != null) {
                item.put("metadata", d.metadata());
            }
            items.add(item);
        }
        JsonNode answer = post("/v3/documents/batch", Map.of("containerTag", containerTag, "documents", items));
        if (answer.path("failed").asInt() != 0) {
            throw new IllegalStateException("batch add refused items: " + answer);
        }
        List<String> ids = new ArrayList<>(docs.size());
        answer.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    /** Documents of this key not yet done or failed (GET /v3/documents/processing). */
    int processingCount() {
        return get("/v3/documents/processing").get("totalCount").asInt();
    }

    /** Polls GET /v3/documents/processing until at most {@code left} documents are still in the pipeline. */
    void awaitProcessing(int left, Duration poll, Duration timeout) {
        Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(poll)
                .until(() -> processingCount() <= left);
    }

    /** GET /v3/documents/{id}. */
    JsonNode document(String id) {
        return get("/v3/documents/" + id);
    }

    /** The latest updatedAt of the documents in a container tag: when the last of them reached its final status. */
    Instant lastUpdate(String containerTag) {
        JsonNode page = post("/v3/documents/list", Map.of("containerTags", List.of(containerTag), "sort", "updatedAt",
                "order", "desc", "limit", 1));
        return Instant.parse(page.get("memories").get(0).get("updatedAt").asText());
    }

    /** POST /v3/documents/file (multipart): returns the new document id. */
    String upload(String fileName, String contentType, byte[] content, String containerTag) {
        String boundary = "----hippocamel-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"containerTag\"\r\n\r\n"
                + containerTag + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request("/v3/documents/file")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return send(request).get("id").asText();
    }

    /** POST /v4/search with a JSON body. */
    JsonNode searchV4(Map<String, Object> body) {
        return post("/v4/search", body);
    }

    JsonNode post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key);
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
