package io.hippocamel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.HippocamelApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL while documents are mid-pipeline (and more adds are in flight) loses nothing: after a
 * restart on the same data dir (killed again if it is still recovering), every document it accepted reaches
 * {@code done} exactly once and is found by {@code POST /v4/search}.
 */
@DisabledIfSystemProperty(named = "skip.e2e", matches = "true", disabledReason = "end-to-end tests skipped by -Dskip.e2e=true")
class CrashRecoveryTest {

    private static final String API_KEY = "sm_e2e_crash_test_key";
    private static final int BATCHES = 2;
    private static final int BATCH_SIZE = 240;
    private static final int SINGLE_ADDS = 20;
    private static final int ACCEPTED = BATCHES * BATCH_SIZE + SINGLE_ADDS;
    private static final int IN_FLIGHT_ADDS = 30;
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration RECOVERY = Duration.ofMinutes(6);
    private static final int LOG_TAIL_LINES = 150;

    private static final List<Process> CHILDREN = new CopyOnWriteArrayList<>();
    private static final List<Path> LOGS = new CopyOnWriteArrayList<>();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path work;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Letters only: one token for any analyzer, never a dictionary word. */
    private final String nonce = letters(ThreadLocalRandom.current().nextInt(26 * 26 * 26 * 26), 4);
    private final String containerTag = "crash-" + nonce;

    @AfterAll
    static void killChildren() throws InterruptedException {
        for (Process p : CHILDREN) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void everyAcceptedDocumentReachesDoneAfterKillDashNine() throws Throwable {
        Path dataDir = work.resolve("data");
        try {
            String first = startServer(dataDir, 1);

            // Accept documents: batches and single adds, each with a word found nowhere else.
            Map<String, String> wordById = new LinkedHashMap<>();
            int n = 0;
            for (int b = 0; b < BATCHES; b++) {
                ObjectNode body = json.createObjectNode().put("containerTag", containerTag);
                ArrayNode docs = body.putArray("documents");
                List<String> words = new ArrayList<>();
                for (int i = 0; i < BATCH_SIZE; i++, n++) {
                    words.add(uniqueWord(n));
                    docs.addObject().put("content", text(n)).putObject("metadata").put("n", n);
                }
                JsonNode res = call(first, "POST", "/v3/documents/batch", body, 200);
                assertThat(res.path("success").asInt()).as("batch %d: %s", b, res).isEqualTo(BATCH_SIZE);
                assertThat(res.path("failed").asInt()).isZero();
                for (int i = 0; i < BATCH_SIZE; i++) {
                    String id = res.path("results").path(i).path("id").asText();
                    assertThat(id).as("batch %d item %d", b, i).isNotBlank();
                    wordById.put(id, words.get(i));
                }
            }
            for (int i = 0; i < SINGLE_ADDS; i++, n++) {
                ObjectNode body = json.createObjectNode().put("content", text(n)).put("containerTag", containerTag);
                body.putObject("metadata").put("n", n);
                JsonNode res = call(first, "POST", "/v3/documents", body, 200);
                assertThat(res.path("status").asText()).isEqualTo("queued");
                wordById.put(res.path("id").asText(), uniqueWord(n));
            }
            assertThat(wordById).hasSize(ACCEPTED);

            // Some of them must still be in the pipeline, or this test would prove nothing.
            JsonNode processing = call(first, "GET", "/v3/documents/processing", null, 200);
            Set<String> midPipeline = new LinkedHashSet<>();
            for (JsonNode d : processing.path("documents")) {
                if (wordById.containsKey(d.path("id").asText())) {
                    assertThat(d.path("status").asText()).isNotIn("done", "failed");
                    midPipeline.add(d.path("id").asText());
                }
            }
            System.out.printf("[crash-test] %d of %d accepted documents still in the pipeline at the kill%n",
                    midPipeline.size(), ACCEPTED);
            assertThat(midPipeline)
                    .as("no accepted document was still in the pipeline when the server was killed; "
                            + "the pipeline outran %d adds, raise the count", ACCEPTED)
                    .isNotEmpty();

            // kill -9 while more adds are in flight: those answered before the kill count as accepted too.
            List<InFlight> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT_ADDS; i++, n++) {
                ObjectNode body = json.createObjectNode().put("content", text(n)).put("containerTag", containerTag);
                inFlight.add(new InFlight(uniqueWord(n), http.sendAsync(post(first, "/v3/documents", body),
                        HttpResponse.BodyHandlers.ofString())));
            }
            kill(CHILDREN.get(0), 1);
            int answered = 0;
            for (InFlight f : inFlight) {
                try {
                    HttpResponse<String> res = f.response().get(30, TimeUnit.SECONDS);
                    if (res.statusCode() == 200) {
                        wordById.put(json.readTree(res.body()).path("id").asText(), f.word());
                        answered++;
                    }
                } catch (ExecutionException | TimeoutException notAnswered) {
                    // the connection died with the server: not accepted, so nothing is promised about it
                }
            }
            System.out.printf("[crash-test] %d of %d adds in flight at the kill were answered 200%n",
                    answered, IN_FLIGHT_ADDS);
            int accepted = wordById.size();

            // Restart on the same data dir; if recovery is still busy once healthy, kill it again mid-recovery.
            String second = startServer(dataDir, 2);
            JsonNode busy = call(second, "GET", "/v3/documents/processing", null, 200);
            if (busy.path("totalCount").asInt() > 0) {
                System.out.printf("[crash-test] server 2 still recovering %d documents: killing it too%n",
                        busy.path("totalCount").asInt());
                kill(CHILDREN.get(1), 2);
                second = startServer(dataDir, 3);
            } else {
                System.out.println("[crash-test] server 2 had recovered everything by the time it was healthy");
            }
            String server = second;
            await("every accepted document done after the restart")
                    .atMost(RECOVERY)
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        Map<String, String> statuses = listStatuses(server);
                        List<String> failed = statuses.entrySet().stream()
                                .filter(e -> e.getValue().equals("failed")).map(Map.Entry::getKey).toList();
                        if (!failed.isEmpty()) { // not worth waiting for: fail now
                            throw new IllegalStateException("documents failed after the restart: " + failed);
                        }
                        assertThat(statuses.keySet()).as("accepted documents listed").containsAll(wordById.keySet());
                        assertThat(statuses.size())
                                .as("no document created twice (in-flight adds may or may not have been stored)")
                                .isBetween(accepted, ACCEPTED + IN_FLIGHT_ADDS);
                        assertThat(statuses.values().stream().filter(st -> !st.equals("done")).count())
                                .as("documents not yet done, by status: %s", countByStatus(statuses)).isZero();
                    });
            for (String id : wordById.keySet()) {
                JsonNode doc = call(server, "GET", "/v3/documents/" + id, null, 200);
                assertThat(doc.path("status").asText()).as("document %s", id).isEqualTo("done");
            }
            JsonNode stillProcessing = call(server, "GET", "/v3/documents/processing", null, 200);
            assertThat(stillProcessing.path("documents").findValuesAsText("id"))
                    .as("nothing of ours left in the pipeline")
                    .doesNotContainAnyElementsOf(wordById.keySet());

            // A sample, weighted to documents that were mid-pipeline at the kill, is searchable and not duplicated.
            List<String> sample = new ArrayList<>(midPipeline.stream().limit(15).toList());
            List<String> all = new ArrayList<>(wordById.keySet());
            for (int i = 0; i < all.size(); i += 50) {
                sample.add(all.get(i));
            }
            sample.add(all.get(all.size() - 1));
            for (String id : new LinkedHashSet<>(sample)) {
                String word = wordById.get(id);
                ObjectNode q = json.createObjectNode()
                        .put("q", "field report code " + word)
                        .put("containerTag", containerTag)
                        .put("searchMode", "hybrid")
                        .put("threshold", 0)
                        .put("limit", 5);
                JsonNode res = call(server, "POST", "/v4/search", q, 200);
                List<JsonNode> hits = new ArrayList<>();
                res.path("results").forEach(r -> {
                    String text = r.hasNonNull("memory") ? r.path("memory").asText() : r.path("chunk").asText();
                    if (text.contains(word)) {
                        hits.add(r);
                    }
                });
                assertThat(hits).as("POST /v4/search q=%s finds document %s: %s", word, id, res).isNotEmpty();
                assertThat(hits.stream().map(r -> r.path("id").asText()).distinct().count())
                        .as("no duplicate results for %s", word).isEqualTo(hits.size());

                JsonNode chunks = call(server, "GET", "/v3/documents/" + id + "/chunks", null, 200);
                List<Integer> positions = new ArrayList<>();
                chunks.path("chunks").forEach(c -> positions.add(c.path("position").asInt()));
                assertThat(positions).as("chunks of %s after recovery", id).isNotEmpty().doesNotHaveDuplicates();
            }
        } catch (Throwable failure) {
            printLogTails();
            throw failure;
        }
    }

    /** Starts a server JVM on a free loopback port and the given data dir; returns its base URL once healthy. */
    private String startServer(Path dataDir, int number) throws IOException {
        int port = freePort();
        Path log = work.resolve("server-" + number + ".log");
        LOGS.add(log);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(
                java,
                "-Xmx2g",
                "-cp", System.getProperty("java.class.path"),
                HippocamelApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--hippocamel.data-dir=" + dataDir,
                "--hippocamel.api-keys[0]=" + API_KEY);
        Process process = new ProcessBuilder(command)
                .directory(Path.of(System.getProperty("basedir", ".")).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        CHILDREN.add(process);
        String base = "http://127.0.0.1:" + port;
        System.out.printf("[crash-test] server %d: pid %d on %s, log %s%n", number, process.pid(), base, log);
        await("server " + number + " healthy")
                .atMost(STARTUP)
                .pollInterval(Duration.ofMillis(500))
                .failFast("server " + number + " exited during start-up", () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> {
                    HttpResponse<String> res = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(res.statusCode()).isEqualTo(200);
                    assertThat(json.readTree(res.body()).path("status").asText()).isEqualTo("UP");
                });
        return base;
    }

    /** Every document of the test's container tag, id -> status, read through the paginated list endpoint. */
    private Map<String, String> listStatuses(String base) throws Exception {
        Map<String, String> statuses = new LinkedHashMap<>();
        int page = 1;
        int totalPages;
        do {
            ObjectNode body = json.createObjectNode().put("limit", 100).put("page", page);
            body.putArray("containerTags").add(containerTag);
            JsonNode res = call(base, "POST", "/v3/documents/list", body, 200);
            for (JsonNode m : res.path("memories")) {
                statuses.put(m.path("id").asText(), m.path("status").asText());
            }
            totalPages = res.path("pagination").path("totalPages").asInt();
            page++;
        } while (page <= totalPages && page <= 100);
        return statuses;
    }

    private static void kill(Process process, int number) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no graceful close
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed server %d exits", number).isTrue();
        System.out.printf("[crash-test] server %d killed (exit %d)%n", number, process.exitValue());
    }

    private HttpRequest post(String base, String path, JsonNode body) throws IOException {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
    }

    /** An add sent just before the kill, with the unique word of its text. */
    private record InFlight(String word, CompletableFuture<HttpResponse<String>> response) {
    }

    private JsonNode call(String base, String method, String path, JsonNode body, int expectedStatus) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Accept", "application/json");
        if (body != null) {
            req.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as("%s %s -> %s", method, path, res.body()).isEqualTo(expectedStatus);
        return res.body().isEmpty() ? json.createObjectNode() : json.readTree(res.body());
    }

    private String uniqueWord(int n) {
        return "crash" + nonce + letters(n, 3);
    }

    /** A short document (~80 words) naming its unique word twice. */
    private String text(int n) {
        String w = uniqueWord(n);
        return "Field report " + n + " from the survey of the northern coast. The inspector logged the code " + w
                + " next to the tide tables and noted that the harbour wall needs repairs before winter. "
                + "Fishing boats were counted at dawn, the lighthouse lamp was checked, and the ferry timetable was "
                + "compared with last year's. Weather was cold with a strong westerly wind and short rain showers. "
                + "Supplies for the next visit include rope, paint and spare batteries. Reference " + w + " again.";
    }

    private static String letters(int value, int width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, v = value; i < width; i++, v /= 26) {
            s.append((char) ('a' + v % 26));
        }
        return s.reverse().toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void printLogTails() {
        for (Path log : LOGS) {
            try {
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                System.out.printf("----- last %d lines of %s -----%n", LOG_TAIL_LINES, log);
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("(cannot read " + log + ": " + e + ")");
            }
        }
        System.out.println("----- end of server logs -----");
        System.out.flush();
    }

    private static String countByStatus(Map<String, String> statuses) {
        return statuses.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())).toString();
    }
}
