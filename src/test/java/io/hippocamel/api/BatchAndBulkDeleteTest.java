package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /v3/documents/batch and DELETE /v3/documents/bulk. */
class BatchAndBulkDeleteTest extends ServerTestSupport {

    @Test
    @DisplayName("batch takes objects and strings with top-level defaults; a bad item fails alone")
    void batchWithPerItemResults() {
        String tag = uniqueTag("batch");
        Response r = post("/v3/documents/batch", "{\"containerTag\":\"" + tag + "\",\"metadata\":{\"src\":\"import\"},"
                + "\"documents\":[\"Plain string memory about kayaks.\","
                + "{\"content\":\"Object memory about canoes.\",\"metadata\":{\"boat\":\"canoe\"}},"
                + "{\"content\":\"\"},"
                + "{\"content\":\"bad tag\",\"containerTag\":\"no spaces allowed\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("success").asInt()).isEqualTo(2);
        assertThat(r.json().get("failed").asInt()).isEqualTo(2);
        JsonNode results = r.json().get("results");
        assertThat(results.get(2).get("id").asText()).isEmpty();
        assertThat(results.get(2).get("status").asText()).isEqualTo("error");
        assertThat(results.get(3).get("details").asText()).contains("containerTag");

        JsonNode canoe = awaitDone(results.get(1).get("id").asText());
        assertThat(canoe.get("metadata").get("src").asText()).isEqualTo("import");
        assertThat(canoe.get("metadata").get("boat").asText()).isEqualTo("canoe");
        assertThat(canoe.get("containerTags").get(0).asText()).isEqualTo(tag);
        JsonNode kayak = awaitDone(results.get(0).get("id").asText());
        assertThat(kayak.get("content").asText()).contains("kayaks");
    }

    @Test
    @DisplayName("batch refuses an empty list and more than 600 items")
    void batchLimits() {
        assertThat(post("/v3/documents/batch", "{\"documents\":[]}").status()).isEqualTo(400);
        String tooMany = IntStream.range(0, 601).mapToObj(i -> "\"m" + i + "\"").collect(Collectors.joining(","));
        Response r = post("/v3/documents/batch", "{\"documents\":[" + tooMany + "]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("details").asText()).contains("600");
    }

    @Test
    @DisplayName("bulk delete by ids reports unknown ids; by container tags counts what it removed")
    void bulkDelete() {
        String tag = uniqueTag("bulk");
        String other = uniqueTag("bulk-keep");
        String a = add("{\"content\":\"one\",\"containerTag\":\"" + tag + "\"}");
        String b = add("{\"content\":\"two\",\"containerTag\":\"" + tag + "\",\"customId\":\"cid-" + tag + "\"}");
        add("{\"content\":\"three\",\"containerTag\":\"" + tag + "\"}");
        String kept = add("{\"content\":\"four\",\"containerTag\":\"" + other + "\"}");

        Response byIds = delete("/v3/documents/bulk", "{\"ids\":[\"" + a + "\",\"cid-" + tag
                + "\",\"doesNotExist123456789x\"]}");
        assertThat(byIds.status()).isEqualTo(200);
        assertThat(byIds.json().get("deletedCount").asInt()).isEqualTo(2);
        assertThat(byIds.json().get("errors").get(0).get("id").asText()).isEqualTo("doesNotExist123456789x");
        assertThat(get("/v3/documents/" + b).status()).isEqualTo(404);

        Response byTag = delete("/v3/documents/bulk", "{\"containerTags\":[\"" + tag + "\"]}");
        assertThat(byTag.json().get("deletedCount").asInt()).isEqualTo(1);
        assertThat(get("/v3/documents/" + kept).status()).isEqualTo(200);
        assertThat(delete("/v3/documents/bulk", "{}").status()).isEqualTo(400);
        assertThat(delete("/v3/documents/bulk", "{\"ids\":[]}").status()).isEqualTo(400);
    }
}
