package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /v3/documents/list and GET /v3/documents/processing. */
class DocumentListTest extends ServerTestSupport {

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("memories").forEach(m -> out.add(m.get("id").asText()));
        return out;
    }

    @Test
    @DisplayName("pages, totals, sort and order, filters and includeContent")
    void listing() {
        String tag = uniqueTag("list");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(add("{\"content\":\"note " + i + "\",\"containerTag\":\"" + tag + "\",\"metadata\":{\"n\":" + i
                    + "}}"));
        }
        added.forEach(this::awaitDone);

        JsonNode page1 = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"limit\":2}").json();
        assertThat(page1.get("pagination").get("totalItems").asInt()).isEqualTo(5);
        assertThat(page1.get("pagination").get("totalPages").asInt()).isEqualTo(3);
        assertThat(page1.get("pagination").get("currentPage").asInt()).isEqualTo(1);
        assertThat(ids(page1)).containsExactly(added.get(4), added.get(3));
        assertThat(page1.get("memories").get(0).has("content")).isFalse();

        JsonNode page3 = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"limit\":\"2\",\"page\":3}")
                .json();
        assertThat(ids(page3)).containsExactly(added.get(0));

        JsonNode asc = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"order\":\"asc\","
                + "\"includeContent\":true}").json();
        assertThat(ids(asc)).containsExactlyElementsOf(added);
        assertThat(asc.get("memories").get(0).get("content").asText()).isEqualTo("note 0");
        assertThat(asc.get("memories").get(0).get("status").asText()).isEqualTo("done");

        JsonNode filtered = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"filters\":{\"AND\":"
                + "[{\"key\":\"n\",\"value\":\"3\",\"filterType\":\"numeric\",\"numericOperator\":\">=\"}]}}").json();
        assertThat(ids(filtered)).containsExactlyInAnyOrder(added.get(3), added.get(4));

        patch("/v3/documents/" + added.get(1), "{\"metadata\":{\"touched\":true}}");
        JsonNode byUpdate = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"sort\":\"updatedAt\","
                + "\"limit\":1}").json();
        assertThat(ids(byUpdate)).containsExactly(added.get(1));
    }

    @Test
    @DisplayName("processing lists only this tenant's unfinished documents")
    void processing() {
        Response r = get("/v3/documents/processing");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("totalCount").asInt()).isEqualTo(r.json().get("documents").size());
        r.json().get("documents").forEach(d -> assertThat(d.get("status").asText()).isNotIn("done", "failed"));
    }

    @Test
    @DisplayName("list validates limit and sort")
    void validation() {
        assertThat(post("/v3/documents/list", "{\"limit\":1101}").status()).isEqualTo(400);
        assertThat(post("/v3/documents/list", "{\"sort\":\"title\"}").status()).isEqualTo(400);
        assertThat(post("/v3/documents/list", "{\"containerTags\":\"one\"}").status()).isEqualTo(400);
    }
}
