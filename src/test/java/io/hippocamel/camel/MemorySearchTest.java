package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** memory:search answers typed results of the endpoint's tenant, shaped by options and per-message headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemorySearchTest extends MemoryCamelTestSupport {

    private final String tag = uniqueTag("search");
    private final String otherTag = uniqueTag("search-other");
    private String turbines;
    private String canteen;
    private String otherTurbines;

    @BeforeAll
    void documents() {
        turbines = add("Vestamar supplies the turbine blades for the Aalborg wind farm.", tag, "supplier");
        canteen = add("The canteen serves vegetarian lasagne every Wednesday.", tag, "facilities");
        otherTurbines = add("Windkraft Nord quoted a lower price for turbine blades last spring.", otherTag,
                "supplier");
        awaitDone(turbines);
        awaitDone(canteen);
        awaitDone(otherTurbines);
    }

    private String add(String content, String containerTag, String kind) {
        // @BeforeAll runs before the per-test template exists
        return camel.createFluentProducerTemplate().to("memory:add?containerTag=" + containerTag + "&metadata.kind="
                + kind).withBody(content).request(MemoryAddResult.class).id();
    }

    @SuppressWarnings("unchecked")
    private List<MemorySearchResult> search(String uri, String query, Map<String, Object> headers) {
        var t = template.to(uri).withBody(query);
        headers.forEach(t::withHeader);
        return t.request(List.class);
    }

    @Test
    @DisplayName("the body is the query; the best chunk comes first, with its document's tag, title and metadata")
    void typedResults() {
        List<MemorySearchResult> results = search("memory:search?containerTag=" + tag + "&threshold=0",
                "who supplies the turbine blades?", Map.of());

        assertThat(results).isNotEmpty().allSatisfy(r -> assertThat(r).isInstanceOf(MemorySearchResult.class));
        MemorySearchResult best = results.get(0);
        assertThat(best.documentId()).isEqualTo(turbines);
        assertThat(best.text()).contains("Vestamar");
        assertThat(best.containerTag()).isEqualTo(tag);
        assertThat(best.metadata()).containsEntry("kind", "supplier");
        assertThat(best.similarity()).isBetween(0.6, 1.0);
        assertThat(results).extracting(MemorySearchResult::documentId).doesNotContain(otherTurbines);
    }

    @Test
    @DisplayName("without a tag the whole tenant is searched; limit and threshold cut the results")
    void scopeLimitThreshold() {
        List<MemorySearchResult> tenantWide = search("memory:search?threshold=0", "turbine blades price",
                Map.of());
        assertThat(tenantWide).extracting(MemorySearchResult::documentId).contains(turbines, otherTurbines);

        assertThat(search("memory:search?threshold=0&limit=1&containerTag=" + tag, "turbine blades", Map.of()))
                .hasSize(1);
        assertThat(search("memory:search?threshold=0.99&containerTag=" + tag, "turbine blades", Map.of()))
                .isEmpty();
    }

    @Test
    @DisplayName("headers override tag, limit, threshold, mode and filters for one message")
    void headersOverride() {
        String uri = "memory:search?threshold=0&containerTag=" + tag;
        List<MemorySearchResult> other = search(uri, "turbine blades",
                Map.of(MemoryConstants.CONTAINER_TAG, otherTag));
        assertThat(other).extracting(MemorySearchResult::documentId).containsExactly(otherTurbines);

        List<MemorySearchResult> filtered = search("memory:search?threshold=0", "turbine blades lasagne",
                Map.of(MemoryConstants.FILTERS, "{\"AND\":[{\"key\":\"kind\",\"value\":\"facilities\"}]}",
                        MemoryConstants.LIMIT, 5));
        assertThat(filtered).extracting(MemorySearchResult::documentId).containsExactly(canteen);

        List<MemorySearchResult> textOnly = search(uri, "Wednesday", Map.of(MemoryConstants.SEARCH_MODE, "text",
                MemoryConstants.THRESHOLD, "0"));
        assertThat(textOnly).extracting(MemorySearchResult::documentId).containsExactly(canteen);
    }

    @Test
    @DisplayName("the filters option takes the API's filter grammar")
    void filtersOption() {
        List<MemorySearchResult> results = search("memory:search?threshold=0&filters=RAW({\"AND\":[{\"key\":\"kind\","
                + "\"value\":\"supplier\"}]})", "what does the canteen serve", Map.of());
        assertThat(results).extracting(MemorySearchResult::documentId).isNotEmpty()
                .doesNotContain(canteen).containsAnyOf(turbines, otherTurbines);
    }

    @Test
    @DisplayName("an endpoint with another tenant's apiKey sees none of this tenant's documents")
    void tenantIsolation() {
        List<MemorySearchResult> asB = search("memory:search?threshold=0&apiKey=RAW(" + KEY_B + ")",
                "turbine blades", Map.of());
        assertThat(asB).extracting(MemorySearchResult::documentId).doesNotContain(turbines, otherTurbines);
        assertThat(search("memory:search?threshold=0&apiKey=RAW(" + KEY_A + ")", "turbine blades", Map.of()))
                .extracting(MemorySearchResult::documentId).contains(turbines);
    }
}
