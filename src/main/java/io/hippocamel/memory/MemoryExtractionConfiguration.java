package io.hippocamel.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.embed.Embedder;
import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.memory.extract.Extractor;
import io.hippocamel.memory.extract.ExtractorFactory;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires memory extraction after ingest ({@code hippocamel.memory.extraction.enabled}, off by default until memories-mode search mixes in
 * documents whose extraction is still running): the extractor
 * ({@code hippocamel.llm}, else built-in), the status records, the steps, the routes and the trigger on documents
 * reaching {@code done}.
 */
@Configuration(proxyBeanMethods = false)
public class MemoryExtractionConfiguration {

    @Bean
    Extractor memoryExtractor(LlmProperties llm, ObjectMapper json) {
        return ExtractorFactory.create(llm.settings(), json);
    }

    @Bean
    ExtractionStatus extractionStatus(MemoryStore store, ObjectMapper json, Clock clock) {
        return new ExtractionStatus(store, json, clock);
    }

    @Bean
    MemoryExtractionRecovery memoryExtractionRecovery(ExtractionStatus status, ProducerTemplate producer) {
        return new MemoryExtractionRecovery(status, producer);
    }

    @Bean
    @ConditionalOnProperty(name = "hippocamel.memory.extraction.enabled")
    MemoryExtractionRoutes memoryExtractionRoutes(MemoryExtractionProperties config, MemoryStore documents,
                                                  MemoryFactStore memories, MemorySearch search, Extractor extractor,
                                                  Embedder embedder, ExtractionStatus status, Clock clock,
                                                  ProducerTemplate producer, DocumentEvents events,
                                                  MemoryExtractionRecovery recovery) {
        new MemoryExtractionTrigger(status, producer).subscribeTo(events);
        return new MemoryExtractionRoutes(config, new ExtractionSourceLoader(documents, status),
                new KnownMemoryPicker(memories, search, status, config.knownMemories()), new FactExtraction(extractor),
                new DecisionApplier(memories, clock), new MemoryBatchEmbedder(embedder),
                new MemoryBatchWriter(memories, status), new ExtractionFailureHandler(status),
                recovery);
    }
}
