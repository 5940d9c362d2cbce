package io.hippocamel.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted OpenAI-compatible {@code POST /v1/chat/completions} on 127.0.0.1, one per test: each request takes the
 * next queued {@link Reply} (a model answer, an answer cut off at the token limit, an error status with headers, or a
 * hang until the test releases a latch), or the standing reply once the queue is empty. Requests are recorded. Its
 * handlers run on their own threads, so a hanging request does not hold up the next one.
 */
public final class FakeChatCompletions implements AutoCloseable {

    /** What the fake does with one request. */
    public sealed interface Reply permits Answer, Status, Hang {
    }

    /** 200 with a chat completion whose message content is {@code content}. */
    public record Answer(String content, String finishReason) implements Reply {
    }

    /** An error status with headers and a body. */
    public record Status(int status, Map<String, String> headers, String body) implements Reply {
    }

    /** No answer until {@code release} counts down (then 200 with no facts, long after the client gave up). */
    public record Hang(CountDownLatch release) implements Reply {
    }

    /** A request as the fake saw it, and when ({@link System#nanoTime()}). */
    public record Seen(Map<String, List<String>> headers, JsonNode body, long receivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }

        /** The content of the message with this role. */
        public String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (role.equals(m.path("role").asText())) {
                    return m.path("content").asText();
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Reply standing = new Status(500, Map.of(), "{\"error\":{\"message\":\"no reply scripted\"}}");

    public FakeChatCompletions() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public static Answer answer(String content) {
        return new Answer(content, "stop");
    }

    public static Answer cutOff(String content) {
        return new Answer(content, "length");
    }

    public static Status status(int status, Map<String, String> headers) {
        return new Status(status, headers,
                "{\"error\":{\"message\":\"status " + status + "\",\"type\":\"server_error\"}}");
    }

    /** Queues replies for the next requests, in order. */
    public FakeChatCompletions then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply for every request once the queue is empty. */
    public FakeChatCompletions otherwise(Reply reply) {
        standing = reply;
        return this;
    }

    /** The API root to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        seen.add(new Seen(Map.copyOf(ex.getRequestHeaders()), JSON.readTree(ex.getRequestBody()), received));
        Reply reply = script.poll();
        reply = reply == null ? standing : reply;
        if (reply instanceof Hang hang) {
            try {
                hang.release().await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply = answer("{\"facts\": []}");
        }
        try {
            if (reply instanceof Answer a) {
                LocalHttpServer.respond(ex, 200, "application/json", JSON.writeValueAsBytes(completion(a)));
            } else if (reply instanceof Status s) {
                s.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                LocalHttpServer.respond(ex, s.status(), "application/json", s.body());
            }
        } catch (IOException e) {
            // the client gave up (timeout) before the answer: nothing to do
        }
    }

    private static ObjectNode completion(Answer answer) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", answer.finishReason());
        choice.putObject("message").put("role", "assistant").put("content", answer.content());
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 50).put("total_tokens", 150);
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
