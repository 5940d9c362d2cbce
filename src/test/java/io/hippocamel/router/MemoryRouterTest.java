package io.hippocamel.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.Transcript;
import io.hippocamel.conversation.Turn;
import io.hippocamel.testsupport.FakeLlmUpstream;
import io.hippocamel.testsupport.ServerTestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Memory Router end to end: real server, real HTTP, a local upstream speaking the providers' wire formats. */
class MemoryRouterTest extends ServerTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final FakeLlmUpstream upstream = FakeLlmUpstream.get();

    /** The router URL for a provider base path of the fake, in the form clients use: /v3/http://host:port/... */
    private String routerUrl(String providerPath) {
        return "http://127.0.0.1:" + port + "/v3/" + upstream.baseUrl() + providerPath;
    }

    private HttpResponse<String> chat(String providerPath, String user, String conversation, String body,
                                      String... extraHeaders) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(routerUrl(providerPath)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-provider-key")
                .header("x-supermemory-api-key", KEY_A)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("x-sm-user-id", user);
        }
        if (conversation != null) {
            b.header("x-sm-conversation-id", conversation);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            b.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String openAi(String... roleAndText) throws Exception {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i + 1 < roleAndText.length; i += 2) {
            messages.add(Map.of("role", roleAndText[i], "content", roleAndText[i + 1]));
        }
        return JSON.writeValueAsString(Map.of("model", "gpt-4o-mini", "messages", messages));
    }

    private static String systemPromptOf(JsonNode forwarded) {
        JsonNode first = forwarded.path("messages").get(0);
        return first.path("role").asText().equals("system") ? first.path("content").asText() : "";
    }

    @Test
    @DisplayName("seed scenario: a memory added through the API appears in the forwarded prompt")
    void apiMemoryAugmentsThePrompt() throws Exception {
        String user = uniqueTag("alice");
        awaitDone(add("{\"content\":\"Alice prefers Python for backend services and dislikes Java.\","
                + "\"user_id\":\"" + user + "\"}"));

        HttpResponse<String> r = chat("/openai/v1/chat/completions", user, null, openAi(
                "system", "You are a helpful assistant.",
                "user", "What language should I use for my new backend?"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("choices").get(0).path("message").path("content").asText())
                .startsWith("Noted:");
        FakeLlmUpstream.Seen seen = upstream.lastMentioning("What language should I use for my new backend");
        String system = systemPromptOf(seen.body());
        assertThat(system).startsWith("You are a helpful assistant.").contains("prefers Python")
                .contains(PromptAugmenter.OPEN);
        assertThat(seen.header("Authorization")).isEqualTo("Bearer sk-provider-key");
        assertThat(seen.header("x-supermemory-api-key")).isNull();
        assertThat(seen.header("x-sm-user-id")).isNull();
        assertThat(r.headers().firstValue("x-supermemory-context-modified")).hasValue("true");
        assertThat(r.headers().firstValue("x-supermemory-chunks-retrieved")).hasValue("1");
        assertThat(r.headers().firstValue("x-supermemory-conversation-id").orElse("")).startsWith("conv_");
        assertThat(Integer.parseInt(r.headers().firstValue("x-supermemory-tokens-processed").orElse("0")))
                .isGreaterThan(10);
        assertThat(r.headers().firstValue("x-supermemory-error")).isEmpty();
    }

    @Test
    @DisplayName("the turns of a chat are stored for the user, searchable through the API and recalled later")
    void turnsAreStoredAndRecalled() throws Exception {
        String user = uniqueTag("bob");
        String conversation = "c1-" + user;
        HttpResponse<String> first = chat("/openai/v1/chat/completions", user, conversation, openAi(
                "user", "My dog is called Biscuit and she is a beagle."));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-supermemory-conversation-id")).hasValue(conversation);
        assertThat(first.headers().firstValue("x-supermemory-chunks-created")).hasValue("2");

        String stored = "/v3/documents/" + ConversationService.documentCustomId(user, conversation);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stored).status() == 200);
        JsonNode doc = awaitDone(get(stored).json().get("id").asText());
        assertThat(doc.get("content").asText()).contains("user: My dog is called Biscuit")
                .contains("assistant: Noted:");
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(user);

        // the same history sent again with one more turn is appended, not duplicated
        chat("/openai/v1/chat/completions", user, conversation, openAi(
                "user", "My dog is called Biscuit and she is a beagle.",
                "assistant", JSON.readTree(first.body()).path("choices").get(0).path("message").path("content")
                        .asText(),
                "user", "She is three years old."));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stored).json()
                .path("content").asText().contains("three years old"));
        String content = awaitDone(doc.get("id").asText()).get("content").asText();
        assertThat(content.split("Biscuit", -1)).hasSize(3); // once in the user turn, once in the echo

        assertThat(post("/v4/search", "{\"q\":\"what is the dog called\",\"containerTag\":\"" + user + "\"}").json()
                .get("results").get(0).get("memory").asText()).contains("Biscuit");

        chat("/openai/v1/chat/completions", user, "c2-" + user, openAi("user", "Remind me: what breed is my pet?"));
        assertThat(systemPromptOf(upstream.lastMentioning("what breed is my pet").body())).contains("beagle");
    }

    @Test
    @DisplayName("a streamed answer arrives event by event, byte for byte, and is stored once complete")
    void streaming() throws Exception {
        String user = uniqueTag("carol");
        String body = JSON.writeValueAsString(Map.of("model", "gpt-4o-mini", "stream", true, "messages",
                List.of(Map.of("role", "user", "content", "Stream me a haiku about herons"))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(routerUrl("/openai/v1/chat/completions")))
                .header("Content-Type", "application/json").header("x-supermemory-api-key", KEY_A)
                .header("x-sm-user-id", user).header("x-sm-conversation-id", "stream-" + user)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> r = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Long> arrivals = new ArrayList<>();
        StringBuilder received = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                received.append(line).append('\n');
                if (line.startsWith("data:")) {
                    arrivals.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        assertThat(arrivals).hasSize(FakeLlmUpstream.STREAM_EVENTS + 1);
        // buffered delivery would bring every event at once; streamed ones are ~EVENT_GAP_MS apart
        assertThat(arrivals.get(FakeLlmUpstream.STREAM_EVENTS - 1) - arrivals.get(0))
                .isGreaterThanOrEqualTo((FakeLlmUpstream.STREAM_EVENTS - 2) * FakeLlmUpstream.EVENT_GAP_MS);
        assertThat(received.toString()).contains("\"chat.completion.chunk\"").endsWith("data: [DONE]\n\n");

        String stored = "/v3/documents/" + ConversationService.documentCustomId(user, "stream-" + user);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(stored).status() == 200
                && get(stored).json().path("status").asText().equals("done"));
        assertThat(get(stored).json().get("content").asText())
                .contains("user: Stream me a haiku about herons")
                .contains("assistant: Noted: Stream me a haiku about herons");
    }

    @Test
    @DisplayName("Anthropic Messages: memories go to the system field; x-api-key passes through")
    void anthropic() throws Exception {
        String user = uniqueTag("dan");
        awaitDone(add("{\"content\":\"Dan is vegetarian and allergic to cashews.\",\"containerTag\":\"" + user
                + "\"}"));
        String body = JSON.writeValueAsString(Map.of("model", "claude-fake", "max_tokens", 256,
                "system", "Be brief.", "messages", List.of(Map.of("role", "user",
                        "content", List.of(Map.of("type", "text", "text", "Suggest a snack I can eat safely."))))));
        HttpResponse<String> r = chat("/anthropic/v1/messages", user, null, body, "x-api-key", "sk-ant-test",
                "anthropic-version", "2023-06-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).path("content").get(0).path("text").asText()).startsWith("Noted:");
        FakeLlmUpstream.Seen seen = upstream.lastMentioning("Suggest a snack I can eat safely");
        assertThat(seen.body().path("system").asText()).startsWith("Be brief.").contains("cashews");
        assertThat(seen.header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(seen.header("anthropic-version")).isEqualTo("2023-06-01");
    }

    @Test
    @DisplayName("a long conversation is cut to the budget: system prompt and latest turns kept")
    void longConversationIsStripped() throws Exception {
        String filler = "This is a long and rather repetitive message about nothing in particular. ".repeat(25);
        List<String> roleAndText = new ArrayList<>(List.of("system", "You are the long-conversation assistant."));
        for (int i = 0; i < 20; i++) {
            roleAndText.add(i % 2 == 0 ? "user" : "assistant");
            roleAndText.add("Turn " + i + ". " + filler);
        }
        roleAndText.add("user");
        roleAndText.add("Final question: what was turn zero about?");
        HttpResponse<String> r = chat("/openai/v1/chat/completions", uniqueTag("erin"), null,
                openAi(roleAndText.toArray(String[]::new)));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode forwarded = upstream.lastMentioning("Final question: what was turn zero about").body();
        JsonNode messages = forwarded.path("messages");
        assertThat(messages.get(0).path("content").asText()).startsWith("You are the long-conversation assistant.");
        assertThat(messages.get(messages.size() - 1).path("content").asText())
                .isEqualTo("Final question: what was turn zero about?");
        assertThat(messages.size()).isLessThan(22);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
        int tokens = 0;
        TokenCounter counter = new TokenCounter(com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                .getEncoding(com.knuddels.jtokkit.api.EncodingType.CL100K_BASE));
        for (JsonNode m : messages) {
            tokens += counter.message(m);
        }
        assertThat(tokens).isLessThanOrEqualTo(3000);
        assertThat(r.headers().firstValue("x-supermemory-chunks-deleted").map(Integer::parseInt).orElse(0))
                .isEqualTo(21 - (messages.size() - 1));
        assertThat(r.headers().firstValue("x-supermemory-context-modified")).hasValue("true");
    }

    @Test
    @DisplayName("upstream errors come back as the upstream sent them")
    void upstreamErrorsPassThrough() throws Exception {
        HttpResponse<String> r = chat("/failing/v1/chat/completions", uniqueTag("fay"), null,
                openAi("user", "Hello?"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo(
                "{\"error\":{\"message\":\"The engine is currently overloaded\",\"type\":\"server_error\"}}");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    @DisplayName("only allowed upstreams, only with a valid key: 403 and 401, and nothing is forwarded")
    void accessControl() throws Exception {
        int before = upstream.requests().size();
        HttpRequest notAllowed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v3/https://evil.example.com/v1/chat/completions"))
                .header("x-supermemory-api-key", KEY_A).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(openAi("user", "hi"))).build();
        HttpResponse<String> forbidden = HTTP.send(notAllowed, HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).get("error").asText()).isEqualTo("Forbidden");

        HttpRequest otherPort = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/"
                        + upstream.baseUrl().replaceFirst(":(\\d+)$", ":1") + "/openai/v1/chat/completions"))
                .header("x-supermemory-api-key", KEY_A).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(HTTP.send(otherPort, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        // /inspect/ of the fake is not an allowed prefix: dot segments must not reach it through /openai/
        for (String escape : List.of("/openai/../inspect/chat/completions", "/openai/%2e%2e/inspect/chat/completions",
                "/openai/%2E%2E/inspect/chat/completions", "/openai/..;/inspect/chat/completions")) {
            HttpRequest dots = HttpRequest.newBuilder(URI.create(routerUrl(escape)))
                    .header("x-supermemory-api-key", KEY_A).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(openAi("user", "hi"))).build();
            HttpResponse<String> refused = HTTP.send(dots, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(escape).isEqualTo(403);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).as(escape).isEqualTo("Forbidden");
        }

        HttpRequest noKey = HttpRequest.newBuilder(URI.create(routerUrl("/openai/v1/chat/completions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(openAi("user", "hi"))).build();
        HttpResponse<String> unauthorized = HTTP.send(noKey, HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(unauthorized.body()).get("details").asText()).contains("x-supermemory-api-key");
        assertThat(upstream.requests()).hasSize(before);
    }

    @Test
    @DisplayName("other paths under an upstream pass through; the collapsed https:/ form is accepted")
    void passthroughAndCollapsedSlashes() throws Exception {
        String collapsed = "http://127.0.0.1:" + port + "/v3/" + upstream.baseUrl().replace("http://", "http:/")
                + "/openai/v1/models";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(collapsed))
                .header("x-supermemory-api-key", KEY_A).header("Authorization", "Bearer sk-provider-key")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("fake-model");
        FakeLlmUpstream.Seen seen = upstream.requests().get(upstream.requests().size() - 1);
        assertThat(seen.path()).isEqualTo("/openai/v1/models");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer sk-provider-key");
    }

    @Test
    @DisplayName("without a user id the chat is forwarded untouched and says why memory was skipped")
    void noUserId() throws Exception {
        HttpResponse<String> r = chat("/openai/v1/chat/completions", null, null,
                openAi("user", "Anonymous question about lighthouses"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-supermemory-error").orElse("")).contains("no user id");
        assertThat(r.headers().firstValue("x-supermemory-context-modified")).hasValue("false");
        assertThat(upstream.lastMentioning("Anonymous question about lighthouses").body().path("messages"))
                .hasSize(1);
    }

    @Test
    @DisplayName("POST /v4/conversations appends only new turns to the conversation document")
    void conversationsApi() throws IOException {
        String user = uniqueTag("gus");
        String conv = "api-conv-" + user;
        Response first = post("/v4/conversations", "{\"conversationId\":\"" + conv + "\",\"containerTags\":[\""
                + user + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"I moved to Porto last spring.\"},"
                + "{\"role\":\"assistant\",\"content\":\"Porto is lovely.\"}]}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("conversationId").asText()).isEqualTo(conv);
        awaitDone(first.json().get("id").asText());
        Response second = post("/v4/conversations", "{\"conversationId\":\"" + conv + "\",\"containerTags\":[\""
                + user + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"I moved to Porto last spring.\"},"
                + "{\"role\":\"assistant\",\"content\":\"Porto is lovely.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"I work at a bakery there.\"}]}]}");
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        String content = awaitDone(second.json().get("id").asText()).get("content").asText();
        assertThat(Transcript.parse(content)).containsExactly(new Turn("user", "I moved to Porto last spring."),
                new Turn("assistant", "Porto is lovely."), new Turn("user", "I work at a bakery there."));
        assertThat(post("/v4/conversations", "{\"conversationId\":\"x\",\"messages\":[]}").status()).isEqualTo(400);
        assertThat(post("/v4/conversations", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").status())
                .isEqualTo(400);
    }
}
