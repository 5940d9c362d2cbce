package io.hippocamel.tags;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The container tag service over the document service, both stores and their coordination records. */
@Configuration(proxyBeanMethods = false)
public class ContainerTagConfiguration {

    @Bean
    ContainerTagService containerTagService(DocumentService documents, MemoryStore store, MemoryFactStore memories,
                                            ObjectMapper json, Clock clock) {
        return new ContainerTagService(documents, store, memories, store, json, clock);
    }
}
