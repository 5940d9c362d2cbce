package io.hippocamel.memory.elasticsearch;

import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemoryFactStoreContractTest;
import io.hippocamel.store.elasticsearch.EmbeddedElasticsearch;
import io.hippocamel.store.elasticsearch.EsConnection;
import io.hippocamel.store.elasticsearch.EsIndices;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The memory store contract against a real Elasticsearch node (embedded, or the cluster at ES_URL). Every test gets
 * its own index prefix, so tests never see each other's memories or BM25 statistics; its index goes when it ends.
 */
class ElasticsearchMemoryFactStoreTest extends MemoryFactStoreContractTest {

    private String prefix;

    @Override
    protected MemoryFactStore createStore(Clock clock, int dimension) {
        prefix = "memories-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return reopenStore(clock, dimension);
    }

    @Override
    protected MemoryFactStore reopenStore(Clock clock, int dimension) {
        return new ElasticsearchMemoryFactStore(EsConnection.of(EmbeddedElasticsearch.url()).newClient(),
                new EsIndices(prefix, 1, 0), dimension, clock);
    }

    @AfterEach
    void deleteIndex() throws IOException {
        var client = EsConnection.of(EmbeddedElasticsearch.url()).newClient();
        try {
            client.indices().delete(d -> d.index(prefix + "-memories"));
        } finally {
            client._transport().close();
        }
    }
}
