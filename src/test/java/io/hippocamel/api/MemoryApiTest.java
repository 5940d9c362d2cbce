package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The v4 memory endpoints over real HTTP: add, list, update, forget, forget-matching, their errors and tenancy. */
class MemoryApiTest extends ServerTestSupport {

    private JsonNode addMemories(String tag, String... memories) {
        StringBuilder items = new StringBuilder();
        for (String m : memories) {
            items.append(items.isEmpty() ? "" : ",").append(m.startsWith("{") ? m : "{\"content\":" + quote(m) + "}");
        }
        Response r = post("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"memories\":[" + items + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    private JsonNode search(String tag, String q, String extra, String key) {
        Response r = call("POST", "/v4/search", "{\"q\":" + quote(q) + ",\"containerTag\":\"" + tag + "\"" + extra
                + "}", key);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<String> field(JsonNode results, String name) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.path(name).asText()));
        return out;
    }

    @Test
    @DisplayName("POST /v4/memories: 201 with the memories' ids, immediately searchable in memories mode")
    void addThenSearch() {
        String tag = uniqueTag("mem-add");
        JsonNode added = addMemories(tag, "{\"content\":\"Alex is vegetarian\",\"isStatic\":true,"
                + "\"metadata\":{\"source\":\"chat\"}}", "Alex moved to Berlin in March");
        assertThat(added.has("documentId")).isTrue();
        JsonNode first = added.get("memories").get(0);
        assertThat(first.get("id").asText()).hasSize(22);
        assertThat(first.get("memory").asText()).isEqualTo("Alex is vegetarian");
        assertThat(first.get("isStatic").asBoolean()).isTrue();
        assertThat(first.get("metadata").get("source").asText()).isEqualTo("chat");
        assertThat(first.get("createdAt").asText()).endsWith("Z");

        JsonNode results = search(tag, "When did Alex move to Berlin?", ",\"threshold\":0.3", KEY_A).get("results");
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("memory").asText()).isEqualTo("Alex moved to Berlin in March");
        assertThat(results.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("similarity").asDouble()).isBetween(0.3, 1.0);
    }

    @Test
    @DisplayName("POST /v4/memories validates: containerTag, 1-100 memories, content 1-10000 chars, forgetAfter")
    void addValidation() {
        assertThat(post("/v4/memories", "{\"memories\":[{\"content\":\"x\"}]}").status()).isEqualTo(400);
        assertThat(post("/v4/memories", "{\"containerTag\":\"t\",\"memories\":[]}").status()).isEqualTo(400);
        assertThat(post("/v4/memories", "{\"containerTag\":\"t\",\"memories\":[{\"content\":\"\"}]}").status())
                .isEqualTo(400);
        Response tooLong = post("/v4/memories", "{\"containerTag\":\"t\",\"memories\":[{\"content\":\""
                + "a".repeat(10_001) + "\"}]}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("error").asText()).isEqualTo("Invalid request parameters");
        assertThat(post("/v4/memories", "{\"containerTag\":\"t\",\"memories\":[{\"content\":\"x\","
                + "\"forgetAfter\":\"tomorrow\"}]}").json().get("details").asText()).contains("forgetAfter");
        assertThat(post("/v4/memories", "{\"containerTag\":\"bad tag!\",\"memories\":[{\"content\":\"x\"}]}")
                .status()).isEqualTo(400);
        assertThat(call("POST", "/v4/memories", "{\"containerTag\":\"t\",\"memories\":[{\"content\":\"x\"}]}",
                "wrong-key").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("PATCH /v4/memories writes a new version; list shows the latest with its history; search context")
    void versions() {
        String tag = uniqueTag("mem-version");
        String id = addMemories(tag, "Alex works at Google").get("memories").get(0).get("id").asText();
        Response updated = patch("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"" + id
                + "\",\"newContent\":\"Alex works at Stripe\"}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        JsonNode v2 = updated.json();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("parentMemoryId").asText()).isEqualTo(id);
        assertThat(v2.get("rootMemoryId").asText()).isEqualTo(id);
        assertThat(v2.get("memory").asText()).isEqualTo("Alex works at Stripe");

        // by exact content, the old version is no longer the latest: 409
        assertThat(patch("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"" + id
                + "\",\"newContent\":\"Alex works at Meta\"}").status()).isEqualTo(409);

        JsonNode list = post("/v4/memories/list", "{\"containerTags\":[\"" + tag + "\"]}").json();
        assertThat(list.get("memoryEntries")).hasSize(1);
        JsonNode entry = list.get("memoryEntries").get(0);
        assertThat(entry.get("memory").asText()).isEqualTo("Alex works at Stripe");
        assertThat(entry.get("isLatest").asBoolean()).isTrue();
        assertThat(field(entry.get("history"), "memory")).containsExactly("Alex works at Google",
                "Alex works at Stripe");
        assertThat(entry.get("history").get(0).get("isLatest").asBoolean()).isFalse();
        assertThat(list.get("pagination").get("totalItems").asInt()).isEqualTo(1);

        JsonNode results = search(tag, "Where does Alex work?", ",\"threshold\":0,\"include\":"
                + "{\"relatedMemories\":true}", KEY_A).get("results");
        assertThat(field(results, "memory")).containsExactly("Alex works at Stripe");
        JsonNode parents = results.get(0).get("context").get("parents");
        assertThat(parents.get(0).get("memory").asText()).isEqualTo("Alex works at Google");
        assertThat(parents.get(0).get("version").asInt()).isEqualTo(-1);
        assertThat(parents.get(0).get("relation").asText()).isEqualTo("updates");

        assertThat(patch("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"content\":\"no such fact\","
                + "\"newContent\":\"x\"}").status()).isEqualTo(404);
        assertThat(patch("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"newContent\":\"x\"}").status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("DELETE /v4/memories forgets by id or content: search leaves it out, 409 the second time, 404")
    void forget() {
        String tag = uniqueTag("mem-forget");
        JsonNode added = addMemories(tag, "Sam is allergic to peanuts", "Sam plays the cello");
        String id = added.get("memories").get(0).get("id").asText();

        Response forgotten = delete("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"" + id
                + "\",\"reason\":\"user asked\"}");
        assertThat(forgotten.status()).as(forgotten.text()).isEqualTo(200);
        assertThat(forgotten.json().get("id").asText()).isEqualTo(id);
        assertThat(forgotten.json().get("forgotten").asBoolean()).isTrue();
        assertThat(field(search(tag, "peanut allergy", ",\"threshold\":0", KEY_A).get("results"), "memory"))
                .doesNotContain("Sam is allergic to peanuts");
        assertThat(field(search(tag, "peanut allergy", ",\"threshold\":0,\"include\":{\"forgottenMemories\":true}",
                KEY_A).get("results"), "memory")).contains("Sam is allergic to peanuts");

        Response again = delete("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"" + id + "\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("details").asText()).isEqualTo("Memory already forgotten");

        Response byContent = delete("/v4/memories", "{\"containerTag\":\"" + tag
                + "\",\"content\":\"Sam plays the cello\"}");
        assertThat(byContent.status()).isEqualTo(200);
        assertThat(byContent.json().get("id").asText()).isEqualTo(added.get("memories").get(1).get("id").asText());

        Response missing = delete("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"nope\"}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("Memory not found");
        Response neither = delete("/v4/memories", "{\"containerTag\":\"" + tag + "\"}");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().get("details").asText()).isEqualTo("missing id or content");
    }

    @Test
    @DisplayName("another key neither sees nor forgets a tenant's memories; another tag does not either")
    void tenancy() {
        String tag = uniqueTag("mem-tenancy");
        String id = addMemories(tag, "Kim's locker code is 4711").get("memories").get(0).get("id").asText();

        assertThat(search(tag, "locker code", ",\"threshold\":0", KEY_B).get("results")).isEmpty();
        assertThat(call("DELETE", "/v4/memories", "{\"containerTag\":\"" + tag + "\",\"id\":\"" + id + "\"}",
                KEY_B).status()).isEqualTo(404);
        assertThat(call("POST", "/v4/memories/list", "{\"containerTags\":[\"" + tag + "\"]}", KEY_B).json()
                .get("memoryEntries")).isEmpty();
        assertThat(call("POST", "/v4/profile", "{\"containerTag\":\"" + tag + "\"}", KEY_B).json()
                .get("profile").get("dynamic")).isEmpty();
        assertThat(delete("/v4/memories", "{\"containerTag\":\"" + uniqueTag("other") + "\",\"id\":\"" + id
                + "\"}").status()).isEqualTo(404);
        assertThat(call("POST", "/v4/memories/forget-matching", "{\"containerTag\":\"" + tag + "\",\"ids\":[\""
                + id + "\"]}", KEY_B).json().get("count").asInt()).isZero();

        assertThat(field(search(tag, "locker code", ",\"threshold\":0", KEY_A).get("results"), "id"))
                .containsExactly(id);
    }

    @Test
    @DisplayName("a memory whose forgetAfter has passed is left out of search, list and profile")
    void expiry() {
        String tag = uniqueTag("mem-expiry");
        addMemories(tag, "{\"content\":\"Jo is in Lisbon this week\",\"forgetAfter\":\"2020-01-01T00:00:00Z\"}",
                "{\"content\":\"Jo is visiting Rome next year\",\"forgetAfter\":\"2999-01-01T00:00:00.000Z\"}");
        assertThat(field(search(tag, "Where is Jo?", ",\"threshold\":0", KEY_A).get("results"), "memory"))
                .containsExactly("Jo is visiting Rome next year");
        assertThat(field(post("/v4/memories/list", "{\"containerTags\":[\"" + tag + "\"]}").json()
                .get("memoryEntries"), "memory")).containsExactly("Jo is visiting Rome next year");
        assertThat(post("/v4/profile", "{\"containerTag\":\"" + tag + "\"}").json().get("profile").get("dynamic"))
                .extracting(JsonNode::asText).containsExactly("Jo is visiting Rome next year");
    }

    @Test
    @DisplayName("forget-matching: dry run lists candidates over the threshold, apply forgets them, ids mode")
    void forgetMatching() {
        String tag = uniqueTag("mem-matching");
        JsonNode added = addMemories(tag, "Pat drinks espresso every morning", "Pat likes strong coffee",
                "Pat's sister lives in Oslo");
        String body = "{\"containerTag\":\"" + tag + "\",\"query\":\"coffee\",\"threshold\":0.6,\"dryRun\":true}";
        JsonNode dry = post("/v4/memories/forget-matching", body).json();
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("forgetBatchId").isNull()).isTrue();
        assertThat(field(dry.get("candidates"), "memory")).contains("Pat likes strong coffee")
                .doesNotContain("Pat's sister lives in Oslo");
        assertThat(dry.get("count").asInt()).isEqualTo(dry.get("candidates").size());
        dry.get("candidates").forEach(c -> assertThat(c.get("score").asDouble()).isBetween(0.6, 1.0));

        JsonNode applied = post("/v4/memories/forget-matching", body.replace("true", "false")).json();
        assertThat(applied.get("forgetBatchId").asText()).isNotEmpty();
        assertThat(field(applied.get("forgotten"), "id")).isEqualTo(field(dry.get("candidates"), "id"));
        assertThat(field(post("/v4/memories/list", "{\"containerTags\":[\"" + tag + "\"]}").json()
                .get("memoryEntries"), "memory")).contains("Pat's sister lives in Oslo")
                .doesNotContain("Pat likes strong coffee");

        String oslo = added.get("memories").get(2).get("id").asText();
        JsonNode byIds = post("/v4/memories/forget-matching", "{\"containerTag\":\"" + tag + "\",\"ids\":[\""
                + oslo + "\",\"unknown\"]}").json();
        assertThat(field(byIds.get("forgotten"), "id")).containsExactly(oslo);
        assertThat(post("/v4/memories/forget-matching", "{\"containerTag\":\"" + tag + "\"}").status())
                .isEqualTo(400);
    }
}
