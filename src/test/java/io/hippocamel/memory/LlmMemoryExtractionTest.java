package io.hippocamel.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hippocamel.core.Scope;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.testsupport.FakeChatCompletions;
import io.hippocamel.testsupport.ServerTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code hippocamel.llm} set, extraction asks the OpenAI-compatible endpoint (a local fake here); when it answers
 * 500 the built-in extractor stands in and the document's facts are still learnt.
 */
@ContextConfiguration(initializers = LlmMemoryExtractionTest.OwnDataDir.class)
class LlmMemoryExtractionTest extends ServerTestSupport {

    private static final Path LLM_DATA_DIR = tempDir("hippocamel-llm-data-");
    private static final FakeChatCompletions LLM = new FakeChatCompletions();
    private static final String TENANT = ApiKeys.tenantOf(KEY_A);

    @Autowired
    MemoryFactStore memories;
    @Autowired
    ExtractionStatus status;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.llm.base-url", LLM::baseUrl);
        registry.add("hippocamel.llm.api-key", () -> "sk-test");
        registry.add("hippocamel.llm.model", () -> "fake-model");
        registry.add("hippocamel.llm.max-retries", () -> "0");
        registry.add("hippocamel.memory.extraction.enabled", () -> "true");
        registry.add("camel.main.name", () -> "hippocamel-llm-extraction");
    }

    /** A data dir of its own: two contexts cannot share one Lucene index (see MemoryCamelTestSupport). */
    static class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("llm-test-data-dir",
                    Map.of("hippocamel.data-dir", LLM_DATA_DIR.toString())));
        }
    }

    @AfterAll
    static void stop() {
        LLM.close();
    }

    private List<Memory> latest(String tag) {
        return memories.list(MemorySelection.latest(Scope.of(TENANT, tag)), null, 0, 100).items();
    }

    private void awaitExtracted(String documentId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.of(TENANT, documentId).map(ExtractionState::state).orElse(null),
                        s -> s == ExtractionState.State.DONE);
    }

    @Test
    @DisplayName("the LLM's facts become memories; a 500 falls back to the built-in extractor, losing no fact")
    void llmAndFallback() {
        LLM.then(FakeChatCompletions.status(500, Map.of())).otherwise(FakeChatCompletions.answer("""
                {"facts": [{"content": "The user is planning a trip to Rome in May", "isStatic": false,
                  "decision": "new", "targetId": null, "temporalContext": "in May", "sources": [1]}]}"""));
        String tag = uniqueTag("llm");

        String failed = add("{\"content\":\"I live in Madrid. My favourite food is paella.\",\"containerTag\":\""
                + tag + "\"}");
        awaitDone(failed);
        awaitExtracted(failed);
        assertThat(latest(tag)).extracting(Memory::content)
                .containsExactlyInAnyOrder("I live in Madrid.", "My favourite food is paella.");
        assertThat(latest(tag)).allSatisfy(m -> assertThat(m.metadata()).containsEntry("extractedBy", "built_in"));
        assertThat(LLM.requests()).hasSize(1);

        String answered = add("{\"content\":\"We are planning a trip to Rome in May.\",\"containerTag\":\""
                + tag + "\"}");
        awaitDone(answered);
        awaitExtracted(answered);
        Memory rome = latest(tag).stream().filter(m -> m.content().contains("Rome")).findFirst().orElseThrow();
        assertThat(rome.content()).isEqualTo("The user is planning a trip to Rome in May");
        assertThat(rome.metadata()).containsEntry("extractedBy", "llm");
        assertThat(rome.sources()).containsExactly(MemorySource.of(answered));
        assertThat(rome.temporalContext()).containsEntry("expression", "in May");
        FakeChatCompletions.Seen call = LLM.requests().get(1);
        assertThat(call.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(call.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(call.message("user")).contains("Rome").contains("Madrid");
    }
}
