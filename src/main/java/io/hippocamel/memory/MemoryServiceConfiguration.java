package io.hippocamel.memory;

import io.hippocamel.embed.Embedder;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the v4 memory operations ({@link MemoryService}) over the memory store. */
@Configuration(proxyBeanMethods = false)
public class MemoryServiceConfiguration {

    @Bean
    MemoryService memoryService(MemoryFactStore store, MemorySearch search, Embedder embedder, Clock clock) {
        return new MemoryService(store, search, embedder, clock);
    }
}
