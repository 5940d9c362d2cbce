package io.hippocamel;

import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.memory.MemoryFactStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ties the memories' provenance to the documents' lifecycle: deleted documents stop supporting memories. */
@Configuration(proxyBeanMethods = false)
public class DocumentMemoryConfiguration {

    /** Subscribed for the life of the context, like the events it listens to. */
    @Bean
    DocumentMemoryCleanup documentMemoryCleanup(DocumentEvents events, MemoryFactStore memories,
                                                DocumentService documents) {
        DocumentMemoryCleanup cleanup = new DocumentMemoryCleanup(memories, documents);
        events.subscribe(cleanup);
        return cleanup;
    }
}
