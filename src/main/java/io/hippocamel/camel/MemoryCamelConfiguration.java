package io.hippocamel.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.SearchService;
import io.hippocamel.tenancy.ApiKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code memory:} component (bean {@code memory}) and the start-up check of route files. */
@Configuration(proxyBeanMethods = false)
public class MemoryCamelConfiguration {

    @Bean("memory")
    MemoryComponent memoryComponent(DocumentService documents, SearchService search, DocumentEvents events,
                                    ApiKeys keys, FilterParser filters, ObjectMapper json, IngestProperties ingest) {
        return new MemoryComponent(new MemoryService(documents, search), events, new MemoryTenants(keys),
                new MemoryRequestValidator(json, filters, ingest.getMaxContentSize().toBytes(),
                        ingest.getMaxFileSize().toBytes()), new MemoryTypeConverters(json));
    }

    @Bean
    RouteFileValidator routeFileValidator() {
        return new RouteFileValidator();
    }
}
