package io.hippocamel.memory;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.memory.elasticsearch.ElasticsearchMemoryFactStore;
import io.hippocamel.memory.lucene.LuceneMemoryFactStore;
import io.hippocamel.search.SearchProperties;
import io.hippocamel.store.StoreProperties;
import io.hippocamel.store.elasticsearch.EsConnection;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the memory store next to the document store, on the same backend ({@code hippocamel.store.type}): a Lucene
 * index in {@code <data-dir>/memories}, or the index {@code <prefix>-memories} of the Elasticsearch cluster.
 */
@Configuration(proxyBeanMethods = false)
public class MemoryStorageConfiguration {

    /** Closed on shutdown: the Lucene index commits, the Elasticsearch connection is released. */
    @Bean(destroyMethod = "close")
    MemoryFactStore memoryFactStore(HippocamelProperties props, StoreProperties storeProps, Embedder embedder,
                                    Clock clock) {
        return switch (storeProps.getType()) {
            case LUCENE -> new LuceneMemoryFactStore(props.getDataDir().resolve("memories"), embedder.dimension(),
                    clock);
            case ELASTICSEARCH -> elasticsearchStore(storeProps.getElasticsearch(), embedder.dimension(), clock);
        };
    }

    @Bean
    MemorySearch memorySearch(MemoryFactStore store, Embedder embedder, SearchProperties search) {
        return new MemorySearch(store, embedder, search);
    }

    private static MemoryFactStore elasticsearchStore(StoreProperties.Elasticsearch es, int dimension,
                                                      Clock clock) {
        return new ElasticsearchMemoryFactStore(EsConnection.of(es).newClient(), EsConnection.indices(es), dimension,
                clock);
    }
}
