package io.hippocamel.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.FakeLlmUpstream;
import io.hippocamel.testsupport.ServerTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A conversation belongs to its container tag: two users of one key sending the same conversation id keep two
 * conversations, and a conversation never takes over an ordinary document with the same customId.
 */
class ConversationScopeTest extends ServerTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> routerChat(String user, String conversation, String text) throws Exception {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("model", "gpt-4o-mini")
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user")
                        .put("content", text))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/"
                        + FakeLlmUpstream.get().baseUrl() + "/openai/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("x-supermemory-api-key", KEY_A)
                .header("x-sm-user-id", user)
                .header("x-sm-conversation-id", conversation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The memories a search of this container tag returns. */
    private List<String> memories(String tag, String query) {
        Response r = post("/v4/search", "{\"q\":" + quote(query) + ",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("results").forEach(hit -> out.add(hit.path("memory").asText()));
        return out;
    }

    private Response addConversation(String tag, String conversationId, String text) {
        return post("/v4/conversations", "{\"conversationId\":" + quote(conversationId) + ",\"containerTags\":[\""
                + tag + "\"],\"messages\":[{\"role\":\"user\",\"content\":" + quote(text) + "}]}");
    }

    @Test
    @DisplayName("router: user B sending user A's conversation id gets a conversation of his own")
    void routerConversationsAreScopedByUser() throws Exception {
        String alice = uniqueTag("alice");
        String bob = uniqueTag("bob");
        String conversation = uniqueTag("shared-conv");
        assertThat(routerChat(alice, conversation, "My locker code is 4417 and my cat is Pumpernickel.")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> memories(alice, "locker code cat").stream().anyMatch(m -> m.contains("Pumpernickel")));

        assertThat(routerChat(bob, conversation, "I grow tomatoes on my balcony in Lisbon.").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> memories(bob, "tomatoes balcony").stream().anyMatch(m -> m.contains("tomatoes")));

        assertThat(memories(bob, "locker code cat Pumpernickel")).noneMatch(m -> m.contains("Pumpernickel"));
        assertThat(memories(alice, "locker code cat Pumpernickel")).anyMatch(m -> m.contains("Pumpernickel"))
                .noneMatch(m -> m.contains("tomatoes"));
    }

    @Test
    @DisplayName("POST /v4/conversations: the same conversation id under two tags is two conversations")
    void apiConversationsAreScopedByTag() {
        String alice = uniqueTag("alice");
        String bob = uniqueTag("bob");
        String conversation = uniqueTag("api-shared");
        Response a = addConversation(alice, conversation, "Alice's passport number is X1234567.");
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        awaitDone(a.json().get("id").asText());
        Response b = addConversation(bob, conversation, "Bob likes sailing on Sundays.");
        assertThat(b.status()).as(b.text()).isEqualTo(200);

        assertThat(b.json().get("id").asText()).isNotEqualTo(a.json().get("id").asText());
        JsonNode bobs = awaitDone(b.json().get("id").asText());
        assertThat(bobs.get("content").asText()).contains("sailing").doesNotContain("passport");
        assertThat(bobs.get("containerTags").get(0).asText()).isEqualTo(bob);
        JsonNode alices = awaitDone(a.json().get("id").asText());
        assertThat(alices.get("content").asText()).contains("passport").doesNotContain("sailing");
        assertThat(alices.get("containerTags").get(0).asText()).isEqualTo(alice);
    }

    @Test
    @DisplayName("a document whose customId equals a conversation id is neither overwritten nor read as one")
    void conversationsDoNotCollideWithDocuments() {
        String tag = uniqueTag("carol");
        String customId = uniqueTag("notes");
        String documentId = add("{\"content\":\"user: Quarterly budget notes for the garden club.\","
                + "\"containerTag\":\"" + tag + "\",\"customId\":\"" + customId + "\"}");
        awaitDone(documentId);

        Response conversation = addConversation(tag, customId, "Remind me to water the ferns.");
        assertThat(conversation.status()).as(conversation.text()).isEqualTo(200);
        assertThat(conversation.json().get("id").asText()).isNotEqualTo(documentId);
        assertThat(awaitDone(conversation.json().get("id").asText()).get("content").asText())
                .isEqualTo("user: Remind me to water the ferns.");

        JsonNode document = get("/v3/documents/" + customId).json();
        assertThat(document.get("id").asText()).isEqualTo(documentId);
        assertThat(document.get("content").asText()).isEqualTo("user: Quarterly budget notes for the garden club.");
    }
}
