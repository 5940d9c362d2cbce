package io.hippocamel.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.MemoryStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hybrid search and the metadata filter grammar. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    FilterParser filterParser(ObjectMapper json) {
        return new FilterParser(json);
    }

    @Bean
    SearchService searchService(MemoryStore store, Embedder embedder, SearchProperties props) {
        return new SearchService(store, embedder, props);
    }
}
