package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /v4/profile and the memory modes of /v4/search: static traits, recent context, search results, hybrid. */
class ProfileApiTest extends ServerTestSupport {

    private void addMemories(String tag, String items) {
        Response r = post("/v4/memories", "{\"containerTag\":\"" + tag + "\",\"memories\":[" + items + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    @Test
    @DisplayName("profile: static = static memories, dynamic = recent others newest first, q adds search results")
    void profile() {
        String tag = uniqueTag("profile");
        addMemories(tag, "{\"content\":\"Riley is a backend engineer\",\"isStatic\":true},"
                + "{\"content\":\"Riley prefers Kotlin over Java\",\"isStatic\":true}");
        addMemories(tag, "{\"content\":\"Riley is debugging a memory leak this week\"}");
        addMemories(tag, "{\"content\":\"Riley has a dentist appointment on Friday\"}");

        Response r = post("/v4/profile", "{\"containerTag\":\"" + tag + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode profile = r.json().get("profile");
        assertThat(profile.get("static")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("Riley is a backend engineer", "Riley prefers Kotlin over Java");
        assertThat(profile.get("dynamic")).extracting(JsonNode::asText).containsExactly(
                "Riley has a dentist appointment on Friday", "Riley is debugging a memory leak this week");
        assertThat(r.json().has("searchResults")).isFalse();

        JsonNode withQ = post("/v4/profile", "{\"containerTag\":\"" + tag + "\",\"q\":\"programming language\","
                + "\"threshold\":0.4,\"include\":[\"static\"]}").json();
        assertThat(withQ.get("profile").has("dynamic")).isFalse();
        JsonNode search = withQ.get("searchResults");
        assertThat(search.get("results").get(0).get("memory").asText()).isEqualTo("Riley prefers Kotlin over Java");
        assertThat(search.get("total").asInt()).isEqualTo(search.get("results").size());
        assertThat(search.get("timing").isNumber()).isTrue();
    }

    @Test
    @DisplayName("profile of a tag without memories: empty lists; containerTag required; bad include is a 400")
    void emptyAndErrors() {
        JsonNode empty = post("/v4/profile", "{\"containerTag\":\"" + uniqueTag("nobody") + "\",\"q\":\"x\"}")
                .json();
        assertThat(empty.get("profile").get("static")).isEmpty();
        assertThat(empty.get("profile").get("dynamic")).isEmpty();
        assertThat(empty.get("searchResults").get("results")).isEmpty();
        assertThat(post("/v4/profile", "{}").status()).isEqualTo(400);
        assertThat(post("/v4/profile", "{\"containerTag\":\"t\",\"include\":[\"everything\"]}").status())
                .isEqualTo(400);
        assertThat(call("POST", "/v4/profile", "{\"containerTag\":\"t\"}", null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("hybrid mode: memories first, then chunks, within the limit; rerank and rewriteQuery are accepted")
    void hybrid() {
        String tag = uniqueTag("hybrid");
        awaitDone(add("{\"content\":\"The office kitchen has an espresso machine on the third floor.\","
                + "\"containerTag\":\"" + tag + "\"}"));
        // before any memory: memories mode answers with chunks, as it always did
        JsonNode before = post("/v4/search", "{\"q\":\"espresso machine\",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}").json();
        assertThat(before.get("results").get(0).get("memory").asText()).contains("espresso machine");

        addMemories(tag, "{\"content\":\"Morgan drinks espresso twice a day\"}");
        Response r = post("/v4/search", "{\"q\":\"espresso\",\"containerTag\":\"" + tag + "\",\"threshold\":0,"
                + "\"searchMode\":\"hybrid\",\"rerank\":true,\"rewriteQuery\":true,\"limit\":2}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("memory").asText()).isEqualTo("Morgan drinks espresso twice a day");
        assertThat(results.get(1).get("chunk").asText()).contains("espresso machine");

        JsonNode memoriesOnly = post("/v4/search", "{\"q\":\"espresso\",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}").json().get("results");
        assertThat(memoriesOnly).extracting(n -> n.get("memory").asText())
                .containsExactly("Morgan drinks espresso twice a day");
    }
}
