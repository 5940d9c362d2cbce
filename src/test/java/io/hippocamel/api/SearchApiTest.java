package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** POST /v3/search and /v4/search over a small fixed pool: shapes, scoping, filters, thresholds, modes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTest extends ServerTestSupport {

    private final String tag = uniqueTag("search");
    private final String otherTag = uniqueTag("search-other");
    private final List<String> ids = new ArrayList<>();

    @BeforeAll
    void seed() {
        ids.add(add(doc("Lena drinks oat milk in her coffee every morning.", "{\"kind\":\"preference\","
                + "\"year\":2021,\"topics\":[\"food\",\"coffee\"],\"author\":\"Lena Park\"}")));
        ids.add(add(doc("The deployment pipeline runs integration tests on every merge to main.",
                "{\"kind\":\"fact\",\"year\":2023,\"topics\":[\"engineering\"],\"author\":\"Ops Team\"}")));
        ids.add(add(doc("Lena is training for the Berlin marathon in September.", "{\"kind\":\"event\","
                + "\"year\":2024,\"topics\":[\"sport\"],\"author\":\"Lena Park\"}")));
        ids.add(add("{\"content\":\"Oat milk is also stocked in the other team's fridge.\",\"containerTag\":\""
                + otherTag + "\"}"));
        ids.forEach(this::awaitDone);
    }

    private String doc(String content, String metadata) {
        return "{\"content\":" + quote(content) + ",\"containerTag\":\"" + tag + "\",\"metadata\":" + metadata + "}";
    }

    private JsonNode v4(String body) {
        Response r = post("/v4/search", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private List<String> memories(JsonNode response, String field) {
        List<String> out = new ArrayList<>();
        response.get("results").forEach(r -> out.add(r.get(field).asText()));
        return out;
    }

    @Test
    @DisplayName("v4 memories mode: best match first, text under 'memory', similarity in [0,1], scoped to the tag")
    void v4Memories() {
        JsonNode r = v4("{\"q\":\"What does Lena put in her coffee?\",\"containerTag\":\"" + tag + "\"}");
        assertThat(r.get("total").asInt()).isEqualTo(r.get("results").size());
        assertThat(r.get("timing").isNumber()).isTrue();
        JsonNode first = r.get("results").get(0);
        assertThat(first.get("memory").asText()).contains("oat milk");
        assertThat(first.get("similarity").asDouble()).isBetween(0.6, 1.0);
        assertThat(first.get("metadata").get("kind").asText()).isEqualTo("preference");
        assertThat(first.get("updatedAt").asText()).isNotBlank();
        assertThat(memories(r, "memory")).noneMatch(m -> m.contains("fridge"));
    }

    @Test
    @DisplayName("v4 hybrid mode answers with 'chunk'; documents mode one result per document; include.documents")
    void v4Modes() {
        JsonNode hybrid = v4("{\"q\":\"marathon training\",\"containerTag\":\"" + tag
                + "\",\"searchMode\":\"hybrid\",\"include\":{\"documents\":true}}");
        JsonNode first = hybrid.get("results").get(0);
        assertThat(first.get("chunk").asText()).contains("Berlin marathon");
        assertThat(first.has("memory")).isFalse();
        assertThat(first.get("documents").get(0).get("id").asText()).isEqualTo(ids.get(2));

        JsonNode docs = v4("{\"q\":\"Lena\",\"containerTag\":\"" + tag + "\",\"searchMode\":\"documents\","
                + "\"threshold\":0}");
        List<String> docIds = memories(docs, "id");
        assertThat(docIds).doesNotHaveDuplicates().contains(ids.get(0), ids.get(2));
    }

    @Test
    @DisplayName("the threshold drops weak matches; limit caps the results")
    void thresholdAndLimit() {
        JsonNode loose = v4("{\"q\":\"quarterly tax filing\",\"containerTag\":\"" + tag + "\",\"threshold\":0}");
        assertThat(loose.get("results")).hasSize(3);
        JsonNode strict = v4("{\"q\":\"quarterly tax filing\",\"containerTag\":\"" + tag + "\",\"threshold\":0.9}");
        assertThat(strict.get("results")).isEmpty();
        assertThat(v4("{\"q\":\"Lena\",\"containerTag\":\"" + tag + "\",\"threshold\":0,\"limit\":1}")
                .get("results")).hasSize(1);
    }

    @Test
    @DisplayName("metadata filters of every type narrow the results, also as a JSON string")
    void filters() {
        String base = "{\"q\":\"Lena\",\"containerTag\":\"" + tag + "\",\"threshold\":0,\"filters\":";
        assertThat(memories(v4(base + "{\"AND\":[{\"key\":\"kind\",\"value\":\"event\"}]}}"), "memory"))
                .singleElement().asString().contains("marathon");
        assertThat(memories(v4(base + "{\"AND\":[{\"key\":\"year\",\"value\":\"2022\",\"filterType\":\"numeric\","
                + "\"numericOperator\":\">\"}]}}"), "memory")).hasSize(2).noneMatch(m -> m.contains("oat"));
        assertThat(memories(v4(base + "{\"AND\":[{\"key\":\"topics\",\"value\":\"coffee\",\"filterType\":"
                + "\"array_contains\"}]}}"), "memory")).singleElement().asString().contains("oat milk");
        assertThat(memories(v4(base + "{\"AND\":[{\"key\":\"author\",\"value\":\"lena\",\"filterType\":"
                + "\"string_contains\",\"ignoreCase\":true}]}}"), "memory")).hasSize(2);
        assertThat(memories(v4(base + "{\"AND\":[{\"key\":\"kind\",\"value\":\"fact\",\"negate\":true},"
                + "{\"OR\":[{\"key\":\"year\",\"value\":\"2021\",\"filterType\":\"numeric\"},"
                + "{\"key\":\"year\",\"value\":\"2024\",\"filterType\":\"numeric\"}]}]}}"), "memory")).hasSize(2);
        assertThat(memories(v4(base + quote("{\"AND\":[{\"key\":\"kind\",\"value\":\"fact\"}]}") + "}"), "memory"))
                .singleElement().asString().contains("pipeline");
    }

    @Test
    @DisplayName("v3: documents with their matching chunks, docId restriction, full docs, neighbouring chunks")
    void v3() {
        Response r = post("/v3/search", "{\"q\":\"oat milk coffee\",\"containerTags\":[\"" + tag
                + "\"],\"includeFullDocs\":true,\"includeSummary\":true}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode first = r.json().get("results").get(0);
        assertThat(first.get("documentId").asText()).isEqualTo(ids.get(0));
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.get("content").asText()).contains("oat milk");
        assertThat(first.get("summary").asText()).contains("oat milk");
        assertThat(first.get("chunks").get(0).get("isRelevant").asBoolean()).isTrue();
        assertThat(first.get("chunks").get(0).get("content").asText()).contains("oat milk");

        JsonNode only = post("/v3/search", "{\"q\":\"Lena\",\"docId\":\"" + ids.get(2) + "\"}").json();
        assertThat(only.get("results")).hasSize(1);
        assertThat(only.get("results").get(0).get("documentId").asText()).isEqualTo(ids.get(2));
    }

    @Test
    @DisplayName("v3 with onlyMatchingChunks=false returns the neighbours of a matching chunk as context")
    void v3Neighbours() {
        String longTag = uniqueTag("long");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("Paragraph ").append(i).append(" is filler about routine office matters. ");
            if (i == 150) {
                text.append("The secret launch codename is BLUE HERON. ");
            }
        }
        String id = add("{\"content\":" + quote(text.toString()) + ",\"containerTag\":\"" + longTag + "\"}");
        awaitDone(id);
        JsonNode result = post("/v3/search", "{\"q\":\"launch codename BLUE HERON\",\"containerTag\":\"" + longTag
                + "\",\"onlyMatchingChunks\":false,\"limit\":1}").json().get("results").get(0);
        JsonNode chunks = result.get("chunks");
        // ~15 chunks; at most limit x 4 of them match, so some neighbours are context only
        assertThat(chunks.size()).isGreaterThan(1);
        assertThat(chunks.toString()).contains("BLUE HERON");
        List<Boolean> relevant = new ArrayList<>();
        chunks.forEach(c -> relevant.add(c.get("isRelevant").asBoolean()));
        assertThat(relevant).contains(true, false);
    }

    @Test
    @DisplayName("queries are validated: q required, limit 1-100, threshold 0-1, searchMode known")
    void validation() {
        assertThat(post("/v4/search", "{\"containerTag\":\"" + tag + "\"}").status()).isEqualTo(400);
        assertThat(post("/v4/search", "{\"q\":\"\"}").json().get("details").asText())
                .contains("at least 1 character");
        assertThat(post("/v4/search", "{\"q\":\"x\",\"limit\":101}").status()).isEqualTo(400);
        assertThat(post("/v4/search", "{\"q\":\"x\",\"threshold\":2}").status()).isEqualTo(400);
        assertThat(post("/v4/search", "{\"q\":\"x\",\"searchMode\":\"magic\"}").status()).isEqualTo(400);
        Response badFilter = post("/v3/search", "{\"q\":\"x\",\"filters\":{\"AND\":[{\"key\":\"k\"}]}}");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("error").asText()).isEqualTo("Invalid filters");
    }
}
