package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Add, get, update, delete of one document through the HTTP API, with the pipeline running for real. */
class DocumentLifecycleTest extends ServerTestSupport {

    private static final List<String> STATUSES = List.of("queued", "extracting", "chunking", "embedding",
            "indexing", "done");

    @Test
    @DisplayName("GET right after add answers the document (never 404), which then reaches done with chunks")
    void addThenGetThenDone() {
        String tag = uniqueTag("life");
        String id = add("{\"content\":\"Marta prefers window seats on long flights.\",\"containerTag\":\"" + tag
                + "\",\"metadata\":{\"source\":\"chat\",\"priority\":2,\"pinned\":true,\"labels\":[\"travel\"]}}");
        Response immediate = get("/v3/documents/" + id);
        assertThat(immediate.status()).isEqualTo(200);
        assertThat(STATUSES).contains(immediate.json().get("status").asText());

        JsonNode doc = awaitDone(id);
        assertThat(id).hasSize(22);
        assertThat(doc.get("id").asText()).isEqualTo(id);
        assertThat(doc.get("content").asText()).isEqualTo("Marta prefers window seats on long flights.");
        assertThat(doc.get("containerTags")).hasSize(1);
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(tag);
        assertThat(doc.get("metadata").get("priority").asInt()).isEqualTo(2);
        assertThat(doc.get("metadata").get("pinned").asBoolean()).isTrue();
        assertThat(doc.get("metadata").get("labels").get(0).asText()).isEqualTo("travel");
        assertThat(doc.get("type").asText()).isEqualTo("text");
        assertThat(doc.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Response chunks = get("/v3/documents/" + id + "/chunks");
        assertThat(chunks.status()).isEqualTo(200);
        assertThat(chunks.json().get("total").asInt()).isEqualTo(1);
        assertThat(chunks.json().get("chunks").get(0).get("content").asText()).contains("window seats");
        assertThat(chunks.json().get("chunks").get(0).get("position").asInt()).isZero();
    }

    @Test
    @DisplayName("user_id becomes the container tag; the legacy /v3/memories paths reach the same documents")
    void userIdAndLegacyAliases() {
        String user = uniqueTag("user");
        String id = add("{\"content\":\"Ravi is allergic to peanuts.\",\"user_id\":\"" + user + "\"}");
        JsonNode doc = awaitDone(id);
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(user);
        Response legacy = get("/v3/memories/" + id);
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().get("id").asText()).isEqualTo(id);
        Response addedLegacy = post("/v3/memories", "{\"content\":\"legacy add\",\"containerTag\":\"" + user + "\"}");
        assertThat(addedLegacy.status()).isEqualTo(200);
        assertThat(delete("/v3/memories/" + addedLegacy.json().get("id").asText(), null).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("customId upserts: same content keeps the document, new content re-processes the same id")
    void customIdUpsert() {
        String tag = uniqueTag("upsert");
        String first = add("{\"content\":\"Version one of the note.\",\"customId\":\"note-" + tag
                + "\",\"containerTag\":\"" + tag + "\"}");
        awaitDone(first);
        Response same = post("/v3/documents", "{\"content\":\"Version one of the note.\",\"customId\":\"note-" + tag
                + "\",\"containerTag\":\"" + tag + "\"}");
        assertThat(same.json().get("id").asText()).isEqualTo(first);
        assertThat(same.json().get("status").asText()).isEqualTo("done");

        Response changed = post("/v3/documents", "{\"content\":\"Version two: the meeting moved to Thursday.\","
                + "\"customId\":\"note-" + tag + "\",\"containerTag\":\"" + tag + "\"}");
        assertThat(changed.json().get("id").asText()).isEqualTo(first);
        assertThat(changed.json().get("status").asText()).isEqualTo("queued");
        JsonNode doc = awaitDone(first);
        assertThat(doc.get("content").asText()).contains("Thursday");
        assertThat(get("/v3/documents/note-" + tag).json().get("id").asText()).isEqualTo(first);

        JsonNode hits = post("/v4/search", "{\"q\":\"when is the meeting\",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}").json().get("results");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("memory").asText()).contains("Thursday");
    }

    @Test
    @DisplayName("PATCH metadata updates in place; PATCH content re-processes and replaces what search finds")
    void patch() {
        String tag = uniqueTag("patch");
        String id = add("{\"content\":\"The office wifi password is in the blue binder.\",\"containerTag\":\"" + tag
                + "\",\"metadata\":{\"team\":\"ops\",\"old\":\"x\"}}");
        JsonNode before = awaitDone(id);

        Response meta = patch("/v3/documents/" + id, "{\"metadata\":{\"team\":\"it\",\"old\":null,\"floor\":3}}");
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().get("status").asText()).isEqualTo("done");
        JsonNode after = get("/v3/documents/" + id).json();
        assertThat(after.get("metadata").get("team").asText()).isEqualTo("it");
        assertThat(after.get("metadata").has("old")).isFalse();
        assertThat(after.get("metadata").get("floor").asInt()).isEqualTo(3);
        assertThat(after.get("updatedAt").asText()).isNotEqualTo(before.get("updatedAt").asText());
        assertThat(post("/v4/search", "{\"q\":\"wifi password\",\"containerTag\":\"" + tag + "\",\"threshold\":0,"
                + "\"filters\":{\"AND\":[{\"key\":\"team\",\"value\":\"it\"}]}}").json().get("results")).hasSize(1);

        Response content = patch("/v3/documents/" + id, "{\"content\":\"The printer on floor three jams on A3.\"}");
        assertThat(content.json().get("status").asText()).isEqualTo("queued");
        awaitDone(id);
        JsonNode hits = post("/v4/search", "{\"q\":\"printer jams\",\"containerTag\":\"" + tag + "\",\"threshold\":0}")
                .json().get("results");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("memory").asText()).contains("printer").doesNotContain("wifi");
    }

    @Test
    @DisplayName("DELETE answers 204, the document is gone from GET and search; unknown ids are 404")
    void deleteDocument() {
        String tag = uniqueTag("delete");
        String id = add("{\"content\":\"Temporary note about the hackathon.\",\"containerTag\":\"" + tag
                + "\",\"customId\":\"tmp-" + tag + "\"}");
        awaitDone(id);
        Response deleted = delete("/v3/documents/tmp-" + tag, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        Response gone = get("/v3/documents/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).isEqualTo("Document not found");
        assertThat(post("/v4/search", "{\"q\":\"hackathon\",\"containerTag\":\"" + tag + "\",\"threshold\":0}")
                .json().get("results")).isEmpty();
        assertThat(delete("/v3/documents/" + id, null).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("PATCH to a customId another document holds is a 409")
    void patchCustomIdConflict() {
        String tag = uniqueTag("conflict");
        add("{\"content\":\"a\",\"customId\":\"taken-" + tag + "\",\"containerTag\":\"" + tag + "\"}");
        String other = add("{\"content\":\"b\",\"containerTag\":\"" + tag + "\"}");
        Response r = patch("/v3/documents/" + other, "{\"customId\":\"taken-" + tag + "\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("details").asText()).contains("taken-" + tag);
    }
}
