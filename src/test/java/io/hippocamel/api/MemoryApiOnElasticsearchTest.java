package io.hippocamel.api;

import io.hippocamel.store.elasticsearch.EmbeddedElasticsearch;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The memory endpoint tests again, on a server whose memories live in Elasticsearch (the embedded node, or ES_URL). */
class MemoryApiOnElasticsearchTest extends MemoryApiTest {

    private static final String PREFIX = "mem-" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void elasticsearchStore(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.store.type", () -> "elasticsearch");
        registry.add("hippocamel.store.elasticsearch.url", EmbeddedElasticsearch::url);
        registry.add("hippocamel.store.elasticsearch.index-prefix", () -> PREFIX);
        registry.add("hippocamel.store.elasticsearch.replicas", () -> "0");
    }
}
