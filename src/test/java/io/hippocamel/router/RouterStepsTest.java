package io.hippocamel.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import io.hippocamel.conversation.Transcript;
import io.hippocamel.conversation.Turn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The router's step beans, each on its own: plain objects in, plain objects out. */
class RouterStepsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TokenCounter TOKENS = new TokenCounter(
            Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE));

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ChatCall call(Provider provider, ObjectNode body, List<String> memories) {
        ForwardRequest forward = new ForwardRequest(URI.create("https://api.example.com/v1/chat/completions"),
                "POST", Map.of());
        return new ChatCall("t1", "user-1", "conv-1", provider, forward, body, body.deepCopy(), false, memories,
                RouterStats.initial(100));
    }

    @Nested
    class Strip {
        private final ContextStripper stripper = new ContextStripper(TOKENS, 200, 40);

        @Test
        @DisplayName("within budget nothing changes")
        void withinBudget() {
            ChatCall c = call(Provider.OPENAI, body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                    List.of());
            assertThat(stripper.strip(c)).isSameAs(c);
        }

        @Test
        @DisplayName("over budget: system prompt and the latest turns stay, the window opens with a user turn")
        void dropsTheMiddle() {
            StringBuilder messages = new StringBuilder("{\"messages\":[{\"role\":\"system\",\"content\":\"S\"}");
            for (int i = 0; i < 12; i++) {
                messages.append(",{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant")
                        .append("\",\"content\":\"turn ").append(i).append(' ').append("word ".repeat(20))
                        .append("\"}");
            }
            messages.append("]}");
            ChatCall stripped = stripper.strip(call(Provider.OPENAI, body(messages.toString()), List.of()));
            List<Turn> turns = ChatMessages.turns(stripped.body());
            assertThat(ChatMessages.messages(stripped.body()).get(0).path("content").asText()).isEqualTo("S");
            assertThat(turns.get(turns.size() - 1).text()).startsWith("turn 11");
            assertThat(turns.get(0).role()).isEqualTo("user");
            assertThat(turns.size()).isLessThan(12);
            assertThat(stripped.stats().turnsDropped()).isEqualTo(12 - turns.size());
            assertThat(stripped.stats().contextModified()).isTrue();
            int total = 0;
            for (var m : ChatMessages.messages(stripped.body())) {
                total += TOKENS.message(m);
            }
            assertThat(total).isLessThanOrEqualTo(200 - 40);
        }

        @Test
        @DisplayName("the latest message is kept even when it alone exceeds the budget")
        void keepsTheLatestMessage() {
            ChatCall c = call(Provider.OPENAI, body("{\"messages\":[{\"role\":\"user\",\"content\":\"old\"},"
                    + "{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":\""
                    + "huge ".repeat(400) + "\"}]}"), List.of());
            List<Turn> turns = ChatMessages.turns(stripper.strip(c).body());
            assertThat(turns).hasSize(1);
            assertThat(turns.get(0).text()).startsWith("huge");
        }
    }

    @Nested
    class Augment {
        private final PromptAugmenter augmenter = new PromptAugmenter(TOKENS, 60);

        @Test
        @DisplayName("OpenAI: memories are appended to the existing system message in a delimited block")
        void openAiSystemMessage() {
            ChatCall c = call(Provider.OPENAI, body("{\"messages\":[{\"role\":\"system\",\"content\":\"Be kind.\"},"
                    + "{\"role\":\"user\",\"content\":\"hi\"}]}"), List.of("Likes tea.", "Lives in Oslo."));
            ChatCall out = augmenter.augment(c);
            String system = ChatMessages.messages(out.body()).get(0).path("content").asText();
            assertThat(system).startsWith("Be kind.\n\n" + PromptAugmenter.OPEN).contains("- Likes tea.")
                    .contains("- Lives in Oslo.").endsWith(PromptAugmenter.CLOSE);
            assertThat(out.stats().memoriesAdded()).isEqualTo(2);
            assertThat(ChatMessages.messages(c.body()).get(0).path("content").asText()).isEqualTo("Be kind.");
        }

        @Test
        @DisplayName("OpenAI without a system message gets one; Anthropic gets the system field")
        void newSystemPrompt() {
            ChatCall openAi = augmenter.augment(call(Provider.OPENAI,
                    body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), List.of("Likes tea.")));
            assertThat(ChatMessages.messages(openAi.body()).get(0).path("role").asText()).isEqualTo("system");
            ChatCall anthropic = augmenter.augment(call(Provider.ANTHROPIC,
                    body("{\"system\":[{\"type\":\"text\",\"text\":\"Be brief.\"}],\"messages\":[{\"role\":\"user\","
                            + "\"content\":\"hi\"}]}"), List.of("Likes tea.")));
            assertThat(anthropic.body().path("system")).hasSize(2);
            assertThat(ChatMessages.systemPrompt(anthropic.body(), Provider.ANTHROPIC)).contains("Be brief.")
                    .contains("Likes tea.");
        }

        @Test
        @DisplayName("only the memories that fit the token budget are added, best first")
        void budget() {
            ChatCall out = augmenter.augment(call(Provider.OPENAI,
                    body("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                    List.of("First memory.", "word ".repeat(80), "Third memory.")));
            String system = ChatMessages.messages(out.body()).get(0).path("content").asText();
            assertThat(system).contains("First memory.").doesNotContain("word word");
            assertThat(out.stats().memoriesAdded()).isEqualTo(1);
        }
    }

    @Nested
    class Retrieve {
        @Test
        @DisplayName("the query is the latest user message, with the turn before it when the message is short")
        void query() {
            assertThat(MemoryRetriever.query(List.of(new Turn("user", "Tell me about the architecture of our "
                    + "billing system and how invoices flow through it")))).startsWith("Tell me about");
            assertThat(MemoryRetriever.query(List.of(new Turn("user", "Which databases do we run?"),
                    new Turn("assistant", "Postgres and Redis."), new Turn("user", "And backups?"))))
                    .isEqualTo("Postgres and Redis.\nAnd backups?");
            assertThat(MemoryRetriever.query(List.of(new Turn("assistant", "Hello")))).isEmpty();
        }

        @Test
        @DisplayName("memories whose turns are all in the request are left out")
        void alreadyPresent() {
            Set<String> present = Set.of("I like tea.", "Noted.");
            assertThat(MemoryRetriever.alreadyPresent("user: I like tea.\n\nassistant: Noted.", present)).isTrue();
            assertThat(MemoryRetriever.alreadyPresent("user: I like tea.\n\nassistant: Earl grey?", present))
                    .isFalse();
            assertThat(MemoryRetriever.alreadyPresent("like tea", Set.of("I love coffee"))).isFalse();
            assertThat(MemoryRetriever.alreadyPresent("like tea", Set.of("I like tea a lot"))).isTrue();
        }
    }

    @Nested
    class Transcripts {
        @Test
        @DisplayName("format and parse are inverse, multi-paragraph turns included")
        void roundTrip() {
            List<Turn> turns = List.of(new Turn("user", "Hi.\n\nSecond paragraph."), new Turn("assistant", "Hello"));
            assertThat(Transcript.parse(Transcript.format(turns))).isEqualTo(turns);
        }

        @Test
        @DisplayName("new turns: full history re-sent, only the latest sent, or no overlap")
        void newTurns() {
            Turn a = new Turn("user", "a");
            Turn b = new Turn("assistant", "b");
            Turn c = new Turn("user", "c");
            Turn d = new Turn("assistant", "d");
            assertThat(Transcript.newTurns(List.of(a, b), List.of(a, b, c, d))).containsExactly(c, d);
            assertThat(Transcript.newTurns(List.of(a, b), List.of(b, c, d))).containsExactly(c, d);
            assertThat(Transcript.newTurns(List.of(a, b), List.of(c, d))).containsExactly(c, d);
            assertThat(Transcript.newTurns(List.of(a, b), List.of(a, b))).isEmpty();
            assertThat(Transcript.newTurns(List.of(), List.of(a))).containsExactly(a);
        }
    }

    @Nested
    class Upstreams {
        private final UpstreamResolver resolver = new UpstreamResolver(List.of("https://api.openai.com/",
                "https://api.groq.com/openai/", "http://127.0.0.1:8000/v1/"));

        @Test
        @DisplayName("both the https:// and the collapsed https:/ forms resolve; query strings are kept")
        void resolves() {
            assertThat(resolver.resolve("/v3/https://api.openai.com/v1/chat/completions", null))
                    .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
            assertThat(resolver.resolve("/v3/https:/api.openai.com/v1/chat/completions", "api-version=1"))
                    .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions?api-version=1"));
            assertThat(resolver.resolve("/v3/http:/127.0.0.1:8000/v1/models", null).getPort()).isEqualTo(8000);
        }

        @Test
        @DisplayName("anything outside the allow-list is 403: other hosts, look-alike hosts, ports, paths, userinfo")
        void refuses() {
            for (String path : List.of("/v3/https://evil.com/v1/chat/completions",
                    "/v3/https://api.openai.com.evil.com/v1/chat/completions",
                    "/v3/http://api.openai.com/v1/chat/completions",
                    "/v3/https://api.openai.com:8443/v1/chat/completions",
                    "/v3/https://api.groq.com/other/v1/chat/completions",
                    "/v3/https://user@api.openai.com/v1/chat/completions",
                    "/v3/http://127.0.0.1:8001/v1/chat/completions")) {
                assertThatThrownBy(() -> resolver.resolve(path, null)).as(path).isInstanceOf(RouterException.class)
                        .extracting("status").isEqualTo(403);
            }
            assertThatThrownBy(() -> resolver.resolve("/v3/not-a-url", null)).extracting("status").isEqualTo(400);
        }

        @Test
        @DisplayName("dot segments, plain or encoded, and encoded slashes or backslashes cannot leave the prefix: 403")
        void refusesDotSegments() {
            for (String path : List.of("/v3/https://api.groq.com/openai/../secret/chat/completions",
                    "/v3/https://api.groq.com/openai/%2e%2e/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/%2E%2E/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/.%2e/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/%252e%252e/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/..;x=1/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/..;/secret/chat/completions",
                    "/v3/https://api.groq.com/openai/./chat/completions",
                    "/v3/https://api.groq.com/openai/..%2fsecret/chat/completions",
                    "/v3/https://api.groq.com/openai/..%5Csecret/chat/completions",
                    "/v3/https://api.groq.com/openai/..\\secret/chat/completions",
                    "/v3/http:/127.0.0.1:8000/v1/../../admin")) {
                assertThatThrownBy(() -> resolver.resolve(path, null)).as(path).isInstanceOf(RouterException.class)
                        .extracting("status").isEqualTo(403);
            }
            assertThat(resolver.resolve("/v3/https://api.groq.com/openai/v1.0/..files/chat/completions", null))
                    .isEqualTo(URI.create("https://api.groq.com/openai/v1.0/..files/chat/completions"));
        }
    }

    @Nested
    class Replies {
        private final ReplyParser parser = new ReplyParser(JSON);

        @Test
        @DisplayName("assistant text from JSON and SSE answers, OpenAI and Anthropic")
        void parses() {
            assertThat(parser.text(bytes("{\"choices\":[{\"message\":{\"content\":\"Hi there\"}}]}"),
                    Provider.OPENAI, false)).isEqualTo("Hi there");
            assertThat(parser.text(bytes("{\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}]}"),
                    Provider.ANTHROPIC, false)).isEqualTo("Hello");
            assertThat(parser.text(bytes("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                    + "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\ndata: [DONE]\n\n"),
                    Provider.OPENAI, true)).isEqualTo("Hello");
            assertThat(parser.text(bytes("event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":\"Yo\"}}\n\n"), Provider.ANTHROPIC, true))
                    .isEqualTo("Yo");
            assertThat(parser.text(bytes("not json"), Provider.OPENAI, false)).isEmpty();
        }

        private byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    class Tap {
        @Test
        @DisplayName("the tap passes bytes through and hands over a copy only when the stream was read to its end")
        void tap() throws Exception {
            AtomicReference<byte[]> copy = new AtomicReference<>();
            byte[] data = "data: one\n\ndata: two\n\n".getBytes(StandardCharsets.UTF_8);
            try (TapInputStream in = new TapInputStream(new ByteArrayInputStream(data), 1024, copy::set)) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            assertThat(copy.get()).isEqualTo(data);

            List<byte[]> handed = new ArrayList<>();
            try (TapInputStream cut = new TapInputStream(new ByteArrayInputStream(data), 1024, handed::add)) {
                assertThat(cut.read(new byte[5], 0, 5)).isEqualTo(5);
            }
            assertThat(handed).isEmpty();
        }
    }

    @Nested
    class Errors {
        private JsonNode mapped(Throwable failure, int status) throws Exception {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                Exchange exchange = new DefaultExchange(context);
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
                new RouterErrorMapper(JSON).process(exchange);
                assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(status);
                JsonNode body = JSON.readTree(exchange.getMessage().getBody(byte[].class));
                assertThat(body.size()).isEqualTo(2);
                assertThat(body.get("error").asText()).isNotBlank();
                assertThat(body.get("details").asText()).isNotBlank()
                        .doesNotContain("Exception", "java.", "org.apache", "10.0.0.7");
                return body;
            }
        }

        @Test
        @DisplayName("error bodies carry a human message, never exception classes or their internal text")
        void humanMessages() throws Exception {
            assertThat(mapped(new RuntimeCamelException(new ConnectException(
                    "Connect to http://10.0.0.7:8080 failed: Connection refused")), 502).get("details").asText())
                    .isEqualTo("the upstream refused the connection");
            assertThat(mapped(new UnknownHostException("llm.internal.example: Name or service not known"), 502)
                    .get("details").asText()).isEqualTo("the upstream host name could not be resolved");
            assertThat(mapped(new SocketTimeoutException("Read timed out after 600000 ms from 10.0.0.7"), 504)
                    .get("error").asText()).isEqualTo("Upstream timeout");
            assertThat(mapped(new IllegalStateException("org.apache.hc.core5.pool.StrictConnPool is shut down"),
                    500).get("error").asText()).isEqualTo("Internal error");
            assertThat(mapped(new RouterException(403, "upstream http://evil.com is not allowed"), 403)
                    .get("error").asText()).isEqualTo("Forbidden");
        }
    }

    @Nested
    class CutAnswers {
        private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
        private final byte[] firstEvent = "data: {\"choices\":[]}\n\n".getBytes(StandardCharsets.UTF_8);

        /** An upstream body that delivers one event, then fails like a dropped or silent connection. */
        private InputStream dropsAfterFirstEvent() {
            return new SequenceInputStream(new ByteArrayInputStream(firstEvent), new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new SocketTimeoutException("Read timed out");
                }
            });
        }

        @Test
        @DisplayName("a stream cut by the upstream ends with the provider's error event, not silently")
        void upstreamCut() throws Exception {
            Clock clock = Clock.fixed(now, ZoneOffset.UTC);
            String openAi = new String(new CutAnswerGuard(dropsAfterFirstEvent(), true, Provider.OPENAI, clock,
                    now.plusSeconds(60)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(openAi).startsWith(new String(firstEvent, StandardCharsets.UTF_8)).endsWith("\n\n");
            JsonNode error = JSON.readTree(openAi.substring(firstEvent.length).replaceFirst("^data: ", ""));
            assertThat(error.path("error").path("message").asText()).contains("stopped answering");

            String anthropic = new String(new CutAnswerGuard(dropsAfterFirstEvent(), true, Provider.ANTHROPIC,
                    clock, now.plusSeconds(60)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(anthropic.substring(firstEvent.length)).startsWith("event: error\ndata: {\"type\":\"error\"");

            assertThatThrownBy(() -> new CutAnswerGuard(dropsAfterFirstEvent(), false, Provider.OPENAI, clock,
                    now.plusSeconds(60)).readAllBytes()).isInstanceOf(SocketTimeoutException.class);
        }

        @Test
        @DisplayName("a stream running past max-call-duration ends with an error event; a complete one is untouched")
        void deadline() throws Exception {
            byte[] whole = "data: {}\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
            assertThat(new CutAnswerGuard(new ByteArrayInputStream(whole), true, Provider.OPENAI,
                    Clock.fixed(now, ZoneOffset.UTC), now.plusSeconds(1)).readAllBytes()).isEqualTo(whole);
            String late = new String(new CutAnswerGuard(new ByteArrayInputStream(whole), true, Provider.OPENAI,
                    Clock.fixed(now.plusSeconds(2), ZoneOffset.UTC), now.plusSeconds(1)).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(late).startsWith("data: {\"error\"").contains("max-call-duration").doesNotContain("[DONE]");
        }
    }
}

