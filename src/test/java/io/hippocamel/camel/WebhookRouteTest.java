package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** routes/webhook-notes.yaml: POST /hooks/notes with the shared token stores the note. */
class WebhookRouteTest extends MemoryCamelTestSupport {

    private HttpResponse<String> hook(String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/notes"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int notesStored() {
        return post("/v3/documents/list", "{\"containerTags\":[\"" + WEBHOOK_TAG + "\"]}").json().get("pagination")
                .get("totalItems").asInt();
    }

    @Test
    @DisplayName("a JSON note is stored under the configured tag with its metadata; inbound Hippocamel* headers"
            + " cannot redirect it")
    void jsonNote() throws Exception {
        HttpResponse<String> r = hook("application/json",
                "{\"content\":\"Call the Antwerp supplier about the delayed pallets.\","
                        + "\"metadata\":{\"from\":\"zapier\"}}",
                "X-Hook-Token", WEBHOOK_TOKEN, "HippocamelContainerTag", "attacker-tag",
                "hippocamelcustomid", "attacker-id", "HippocamelMetadata", "{\"source\":\"attacker\"}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("status").asText()).isEqualTo("queued");
        JsonNode doc = awaitDone(answer.get("id").asText());
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(WEBHOOK_TAG);
        assertThat(doc.get("customId").isNull()).isTrue();
        assertThat(doc.get("metadata").get("source").asText()).isEqualTo("webhook");
        assertThat(doc.get("metadata").get("from").asText()).isEqualTo("zapier");
        assertThat(doc.get("content").asText()).contains("Antwerp supplier");
    }

    @Test
    @DisplayName("a plain-text note is stored as text")
    void textNote() throws Exception {
        HttpResponse<String> r = hook("text/plain", "Remember: the Ghent warehouse closes at 16:00 on Fridays.",
                "X-Hook-Token", WEBHOOK_TOKEN);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = awaitDone(JSON.readTree(r.body()).get("id").asText());
        assertThat(doc.get("content").asText()).isEqualTo("Remember: the Ghent warehouse closes at 16:00 on Fridays.");
    }

    @Test
    @DisplayName("no or a wrong token is 401, an invalid note is 400 with the reason, and nothing is stored")
    void refused() throws Exception {
        int before = notesStored();

        HttpResponse<String> noToken = hook("text/plain", "sneaky note");
        HttpResponse<String> emptyToken = hook("text/plain", "sneaky note", "X-Hook-Token", "");
        HttpResponse<String> wrongToken = hook("text/plain", "sneaky note", "X-Hook-Token", WEBHOOK_TOKEN + "x");
        HttpResponse<String> badJson = hook("application/json", "{\"content\":", "X-Hook-Token", WEBHOOK_TOKEN);
        HttpResponse<String> unknownKey = hook("application/json", "{\"content\":\"x\",\"containerTag\":\"other\"}",
                "X-Hook-Token", WEBHOOK_TOKEN);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(emptyToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.headers().firstValue("X-Hook-Token")).isEmpty();
        assertThat(JSON.readTree(wrongToken.body()).get("error").asText()).isEqualTo("Unauthorized");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).get("error").asText()).isEqualTo("Invalid note");
        assertThat(unknownKey.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownKey.body()).get("details").asText()).isEqualTo("memory:add body key"
                + " 'containerTag' is not known: a Map body holds content and, optionally, metadata");
        assertThat(notesStored()).isEqualTo(before);
    }

    @Test
    @DisplayName("a form-encoded body is a 415 JSON error, with or without the token, and nothing is stored")
    void formBodyRefused() throws Exception {
        int before = notesStored();

        for (String[] headers : new String[][] {{}, {"X-Hook-Token", WEBHOOK_TOKEN}}) {
            for (String body : new String[] {"just text", "{\"content\":\"x\"}", "content=x&a=b"}) {
                HttpResponse<String> r = hook("application/x-www-form-urlencoded", body, headers);
                assertThat(r.statusCode()).as(body + ": " + r.body()).isEqualTo(415);
                assertThat(JSON.readTree(r.body()).get("error").asText()).isNotBlank();
            }
        }
        assertThat(notesStored()).isEqualTo(before);
    }
}
