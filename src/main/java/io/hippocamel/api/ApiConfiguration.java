package io.hippocamel.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.Connectors;
import io.hippocamel.conversation.ConversationService;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.memory.MemoryService;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.SearchService;
import io.hippocamel.tenancy.ApiKeys;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Memory API's routes and handlers, {@code /v3/connections} included. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    @Bean
    JsonResponseWriter jsonResponseWriter(ObjectMapper json) {
        return new JsonResponseWriter(json);
    }

    @Bean
    ApiRoutes.Errors apiErrors(JsonResponseWriter writer) {
        return new ApiRoutes.Errors(new ApiErrorMapper(writer));
    }

    @Bean
    ApiRoutes apiRoutes(IngestProperties ingest, ApiKeys keys, DocumentService documents, SearchService search,
                        FilterParser filters, ObjectMapper json, JsonResponseWriter writer,
                        ConversationService conversations, MemoryService memories) {
        RequestReader reader = new RequestReader(json);
        return new ApiRoutes(new Authenticator(keys),
                new DocumentApi(documents, reader, filters, ingest),
                new SearchApi(search, documents, memories, reader, filters),
                new ConversationApi(conversations, reader),
                new MemoryApi(memories, reader, filters, json),
                new MultipartReader(ingest.getMaxFileSize().toBytes()), writer);
    }

    /** Connections are the connectors' state, read and triggered through the API with the server's first key. */
    @Bean
    ConnectionApiRoutes connectionApiRoutes(Connectors connectors, DocumentService documents, ApiKeys keys,
                                            ObjectMapper json, JsonResponseWriter writer, ProducerTemplate producer) {
        return new ConnectionApiRoutes(new Authenticator(keys), new ConnectionApi(connectors, documents,
                keys::defaultTenant, new RequestReader(json), producer), writer);
    }
}
