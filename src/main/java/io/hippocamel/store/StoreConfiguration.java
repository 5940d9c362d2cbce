package io.hippocamel.store;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.elasticsearch.ElasticsearchMemoryStore;
import io.hippocamel.store.elasticsearch.EsConnection;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the store chosen by {@code hippocamel.store.type}: the embedded Lucene index or an Elasticsearch cluster. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    MemoryStore memoryStore(HippocamelProperties props, StoreProperties store, Embedder embedder, Clock clock) {
        return switch (store.getType()) {
            case LUCENE -> new LuceneMemoryStore(props.getDataDir().resolve("store"), embedder.dimension());
            case ELASTICSEARCH -> elasticsearchStore(store.getElasticsearch(), embedder.dimension(), clock);
        };
    }

    private static MemoryStore elasticsearchStore(StoreProperties.Elasticsearch es, int dimension, Clock clock) {
        // a batch's writer holds its journal record as long as a document lease: then others complete the batch
        return new ElasticsearchMemoryStore(EsConnection.of(es).newClient(), EsConnection.indices(es), dimension,
                es.getLeaseTtl(), clock);
    }
}
