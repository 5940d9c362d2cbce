package io.hippocamel.store.elasticsearch;

import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.MemoryStoreContractTest;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The store contract against a real Elasticsearch node (embedded, or the cluster at ES_URL). Every test gets its own
 * index prefix, so tests never see each other's documents or BM25 statistics; its indices go when it ends.
 */
class ElasticsearchMemoryStoreTest extends MemoryStoreContractTest {

    private String prefix;

    @Override
    protected MemoryStore createStore() {
        prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return open();
    }

    @Override
    protected MemoryStore reopenStore() {
        return open();
    }

    @AfterEach
    void deleteIndices() throws IOException {
        var client = EsConnection.of(EmbeddedElasticsearch.url()).newClient();
        try {
            EsIndices indices = new EsIndices(prefix, 1, 0);
            client.indices().delete(d -> d.index(indices.documents(), indices.blobs(), indices.state()));
        } finally {
            client._transport().close();
        }
    }

    private MemoryStore open() {
        return new ElasticsearchMemoryStore(EsConnection.of(EmbeddedElasticsearch.url()).newClient(),
                new EsIndices(prefix, 1, 0), DIMENSION);
    }
}
