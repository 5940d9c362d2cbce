package io.hippocamel.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A local stand-in for LLM providers, speaking OpenAI Chat Completions ({@code /openai/v1/...}) and Anthropic
 * Messages ({@code /anthropic/v1/...}) as documented: JSON answers, and server-sent events with a pause between
 * events when the request asks for {@code stream}. {@code /failing/v1/chat/completions} answers 503 like an
 * overloaded provider; {@code /inspect/last-chat} shows scripts outside the JVM the last chat body it received.
 * Every request is recorded. One instance serves the whole test JVM.
 */
public final class FakeLlmUpstream {

    /** Pause between streamed events: long enough to tell streaming from buffering. */
    public static final long EVENT_GAP_MS = 150;
    public static final int STREAM_EVENTS = 5;

    /** A request as the upstream saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeLlmUpstream INSTANCE = new FakeLlmUpstream();

    private final LocalHttpServer server = new LocalHttpServer();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private FakeLlmUpstream() {
        server.handle("/openai/v1/chat/completions", ex -> chat(ex, false))
                .handle("/anthropic/v1/messages", ex -> chat(ex, true))
                .handle("/openai/v1/models", ex -> {
                    record(ex, null);
                    LocalHttpServer.respond(ex, 200, "application/json",
                            "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\"}]}");
                })
                // for scripts outside the JVM: the last chat request the fake received, as the router forwarded it
                .handle("/inspect/last-chat", ex -> {
                    Seen last = lastChat();
                    LocalHttpServer.respond(ex, last == null ? 404 : 200, "application/json",
                            last == null ? "{}" : JSON.writeValueAsString(last.body()));
                })
                .handle("/failing/v1/chat/completions", ex -> {
                    record(ex, JSON.readTree(ex.getRequestBody()));
                    ex.getResponseHeaders().set("Retry-After", "7");
                    LocalHttpServer.respond(ex, 503, "application/json",
                            "{\"error\":{\"message\":\"The engine is currently overloaded\",\"type\":\"server_error\"}}");
                });
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    public static FakeLlmUpstream get() {
        return INSTANCE;
    }

    /** Base URL of the fake, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return server.url("");
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** The last request whose body mentions {@code marker}. */
    public Seen lastMentioning(String marker) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            Seen s = seen.get(i);
            if (s.body() != null && s.body().toString().contains(marker)) {
                return s;
            }
        }
        return null;
    }

    private Seen lastChat() {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).body() != null && seen.get(i).path().endsWith("/chat/completions")) {
                return seen.get(i);
            }
        }
        return null;
    }

    private void record(HttpExchange ex, JsonNode body) {
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().toString(),
                Map.copyOf(ex.getRequestHeaders()), body));
    }

    private void chat(HttpExchange ex, boolean anthropic) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody());
        record(ex, body);
        ArrayNode messages = (ArrayNode) body.path("messages");
        String last = messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").toString();
        String answer = "Noted: " + last.replaceAll("[^A-Za-z0-9 ?]", "").strip();
        if (body.path("stream").asBoolean(false)) {
            stream(ex, anthropic, answer);
        } else {
            LocalHttpServer.respond(ex, 200, "application/json", JSON.writeValueAsBytes(
                    anthropic ? anthropicMessage(answer) : openAiCompletion(answer)));
        }
    }

    private static ObjectNode openAiCompletion(String answer) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", answer);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return root;
    }

    private static ObjectNode anthropicMessage(String answer) {
        ObjectNode root = JSON.createObjectNode().put("id", "msg_fake").put("type", "message").put("role", "assistant")
                .put("model", "claude-fake").put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", answer);
        root.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
        return root;
    }

    /** Splits the answer over STREAM_EVENTS events, flushed one by one with a pause between them. */
    private static void stream(HttpExchange ex, boolean anthropic, String answer) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            int size = (answer.length() + STREAM_EVENTS - 1) / STREAM_EVENTS;
            if (anthropic) {
                send(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\","
                        + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[]}}\n\n");
            }
            for (int i = 0; i < STREAM_EVENTS; i++) {
                String piece = answer.substring(Math.min(answer.length(), i * size),
                        Math.min(answer.length(), (i + 1) * size));
                String data = anthropic
                        ? "event: content_block_delta\ndata: " + JSON.writeValueAsString(Map.of("type",
                                "content_block_delta", "index", 0, "delta", Map.of("type", "text_delta", "text", piece)))
                        : "data: " + JSON.writeValueAsString(Map.of("id", "chatcmpl-fake", "object",
                                "chat.completion.chunk", "choices", List.of(Map.of("index", 0, "delta",
                                        Map.of("content", piece)))));
                send(out, data + "\n\n");
                LockSupport.parkNanos(EVENT_GAP_MS * 1_000_000);
            }
            send(out, anthropic ? "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n" : "data: [DONE]\n\n");
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
