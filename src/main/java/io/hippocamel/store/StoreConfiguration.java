package io.hippocamel.store;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.elasticsearch.ElasticsearchMemoryStore;
import io.hippocamel.store.elasticsearch.EsConnection;
import io.hippocamel.store.elasticsearch.EsIndices;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the store chosen by {@code hippocamel.store.type}: the embedded Lucene index or an Elasticsearch cluster. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean(destroyMethod = "close")
    MemoryStore memoryStore(HippocamelProperties props, StoreProperties store, Embedder embedder) {
        return switch (store.getType()) {
            case LUCENE -> new LuceneMemoryStore(props.getDataDir().resolve("store"), embedder.dimension());
            case ELASTICSEARCH -> elasticsearchStore(store.getElasticsearch(), embedder.dimension());
        };
    }

    private static MemoryStore elasticsearchStore(StoreProperties.Elasticsearch es, int dimension) {
        if (es.getUrl() == null || es.getUrl().isBlank()) {
            throw new IllegalStateException("hippocamel.store.type=elasticsearch needs hippocamel.store.elasticsearch.url"
                    + " (config/application.yaml, or the ES_URL environment variable)");
        }
        EsConnection connection = new EsConnection(Arrays.asList(es.getUrl().split(",")), es.getApiKey(),
                es.getUsername(), es.getPassword(),
                es.getCaCertificate() == null || es.getCaCertificate().isBlank() ? null : Path.of(es.getCaCertificate()),
                es.getCaFingerprint(),
                es.getConnectTimeout(), es.getSocketTimeout());
        return new ElasticsearchMemoryStore(connection.newClient(),
                new EsIndices(es.getIndexPrefix(), es.getShards(), es.getReplicas()), dimension);
    }
}
