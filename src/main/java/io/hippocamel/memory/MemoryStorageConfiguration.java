package io.hippocamel.memory;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.memory.elasticsearch.ElasticsearchMemoryFactStore;
import io.hippocamel.memory.lucene.LuceneMemoryFactStore;
import io.hippocamel.store.elasticsearch.EsConnection;
import io.hippocamel.store.elasticsearch.EsIndices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
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
    MemoryFactStore memoryFactStore(HippocamelProperties props, Embedder embedder, Clock clock) {
        return switch (props.getStore().getType()) {
            case LUCENE -> new LuceneMemoryFactStore(props.getDataDir().resolve("memories"), embedder.dimension(),
                    clock);
            case ELASTICSEARCH -> elasticsearchStore(props.getStore().getElasticsearch(), embedder.dimension(), clock);
        };
    }

    @Bean
    MemorySearch memorySearch(MemoryFactStore store, Embedder embedder, HippocamelProperties props) {
        return new MemorySearch(store, embedder, props.getSearch());
    }

    private static MemoryFactStore elasticsearchStore(HippocamelProperties.Elasticsearch es, int dimension,
                                                      Clock clock) {
        if (es.getUrl() == null || es.getUrl().isBlank()) {
            throw new IllegalStateException("hippocamel.store.type=elasticsearch needs "
                    + "hippocamel.store.elasticsearch.url (config/application.yaml, or the ES_URL environment variable)");
        }
        Path caCertificate = es.getCaCertificate() == null || es.getCaCertificate().isBlank() ? null
                : Path.of(es.getCaCertificate());
        EsConnection connection = new EsConnection(Arrays.asList(es.getUrl().split(",")), es.getApiKey(),
                es.getUsername(), es.getPassword(), caCertificate, es.getCaFingerprint(), es.getConnectTimeout(),
                es.getSocketTimeout());
        return new ElasticsearchMemoryFactStore(connection.newClient(),
                new EsIndices(es.getIndexPrefix(), es.getShards(), es.getReplicas()), dimension, clock);
    }
}
