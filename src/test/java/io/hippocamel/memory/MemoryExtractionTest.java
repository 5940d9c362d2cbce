package io.hippocamel.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hippocamel.core.Scope;
import io.hippocamel.memory.ExtractionState.State;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.testsupport.ServerTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Documents that reach done have their memories extracted, versioned, idempotently and with provenance. */
@ContextConfiguration(initializers = MemoryExtractionTest.OwnDataDir.class)
class MemoryExtractionTest extends ServerTestSupport {

    private static final Path DATA_DIR = tempDir("hippocamel-extraction-data-");

    /** Extraction is off by default: this server turns it on, in a context (and data dir) of its own. */
    @DynamicPropertySource
    static void extractionOn(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.memory.extraction.enabled", () -> "true");
        registry.add("camel.main.name", () -> "hippocamel-memory-extraction");
    }

    /** Two contexts cannot share one Lucene index (see MemoryCamelTestSupport). */
    static class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("extraction-test-data-dir",
                    Map.of("hippocamel.data-dir", DATA_DIR.toString())));
        }
    }

    private static final String TENANT = ApiKeys.tenantOf(KEY_A);

    @Autowired
    MemoryFactStore memories;
    @Autowired
    ExtractionStatus status;
    @Autowired
    MemoryExtractionRecovery recovery;

    private List<Memory> all(String tag) {
        return memories.list(new MemorySelection(Scope.of(TENANT, tag), null, null, true, true), null, 0, 100)
                .items();
    }

    private ExtractionState awaitExtracted(String documentId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.of(TENANT, documentId).orElse(null),
                        s -> s != null && s.state() == State.DONE);
    }

    private String addDone(String tag, String content) {
        String id = add("{\"content\":" + quote(content) + ",\"containerTag\":\"" + tag + "\"}");
        awaitDone(id);
        return id;
    }

    @Test
    @DisplayName("a document's facts become memories with its provenance; a later fact updates an old one")
    void factsAndUpdates() {
        String tag = uniqueTag("extract");
        String paris = addDone(tag, "I live in Paris. My favourite colour is blue.");
        ExtractionState state = awaitExtracted(paris);
        assertThat(state.memoryIds()).hasSize(2);
        List<Memory> first = all(tag);
        assertThat(first).extracting(Memory::content)
                .containsExactlyInAnyOrder("I live in Paris.", "My favourite colour is blue.");
        assertThat(first).allSatisfy(m -> {
            assertThat(m.sources()).containsExactly(MemorySource.of(paris));
            assertThat(m.isLatest()).isTrue();
            assertThat(m.metadata()).containsEntry("extractedBy", "built_in");
        });
        Memory lives = first.stream().filter(m -> m.content().contains("Paris")).findFirst().orElseThrow();

        String berlin = addDone(tag, "I moved to Berlin.");
        awaitExtracted(berlin);
        Memory moved = all(tag).stream().filter(m -> m.content().contains("Berlin")).findFirst().orElseThrow();
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.parentMemoryId()).isEqualTo(lives.id());
        assertThat(moved.rootMemoryId()).isEqualTo(lives.id());
        assertThat(moved.relations()).containsExactly(new MemoryRelation(MemoryRelation.Type.UPDATES, lives.id()));
        assertThat(moved.sources()).containsExactly(MemorySource.of(berlin));
        assertThat(memories.get(Scope.of(TENANT, tag), lives.id()).orElseThrow().isLatest()).isFalse();
        assertThat(all(tag)).hasSize(3);
    }

    @Test
    @DisplayName("re-running an extraction (recovery after a crash) adds no copies")
    void recoveryIsIdempotent() {
        String tag = uniqueTag("rerun");
        String doc = addDone(tag, "I live in Lisbon. I work at a small bakery as a baker.");
        ExtractionState before = awaitExtracted(doc);
        List<Memory> first = all(tag);
        assertThat(first).hasSize(2);

        ExtractionJob job = new ExtractionJob(TENANT, doc);
        // the marker goes right after the done state is written
        await().atMost(Duration.ofSeconds(10)).until(() -> !status.unfinished().contains(job));
        Instant requeued = Instant.now();
        status.pending(job); // as if the server died with the job queued
        assertThat(status.unfinished()).contains(job);
        assertThat(recovery.recover()).isGreaterThanOrEqualTo(1);
        ExtractionState after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.of(TENANT, doc).orElseThrow(),
                        s -> s.state() == State.DONE && !s.updatedAt().isBefore(requeued));
        assertThat(after.memoryIds()).containsExactlyInAnyOrderElementsOf(before.memoryIds());
        // the marker goes right after the done state is written
        await().atMost(Duration.ofSeconds(10)).until(() -> !status.unfinished().contains(job));
        assertThat(all(tag)).extracting(Memory::id, Memory::content, Memory::sources)
                .containsExactlyInAnyOrderElementsOf(first.stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.id(), m.content(), m.sources())).toList());
    }

    @Test
    @DisplayName("a new version of a document replaces the facts only it supported")
    void newVersionReplacesItsFacts() {
        String tag = uniqueTag("version");
        String customId = "note-" + tag;
        String doc = add("{\"content\":\"I play the violin every evening.\",\"containerTag\":\"" + tag
                + "\",\"customId\":\"" + customId + "\"}");
        awaitDone(doc);
        awaitExtracted(doc);
        Memory violin = all(tag).get(0);

        add("{\"content\":\"My sister Ana is a doctor in Porto.\",\"containerTag\":\"" + tag
                + "\",\"customId\":\"" + customId + "\"}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> all(tag).stream().anyMatch(m -> m.content().contains("Ana")));
        awaitExtracted(doc);
        Memory old = memories.get(Scope.of(TENANT, tag), violin.id()).orElseThrow();
        assertThat(old.isForgotten()).isTrue();
        assertThat(all(tag).stream().filter(m -> !m.isForgotten())).extracting(Memory::content)
                .containsExactly("My sister Ana is a doctor in Porto.");
    }

    @Test
    @DisplayName("a conversation yields memories from user turns only, each naming its turn")
    void conversationTurns() {
        String tag = uniqueTag("conv");
        Response r = post("/v4/conversations", "{\"conversationId\":\"c-" + tag + "\",\"containerTags\":[\"" + tag
                + "\"],\"messages\":[{\"role\":\"user\",\"content\":\"I adopted a cat named Miso last year.\"},"
                + "{\"role\":\"assistant\",\"content\":\"Miso is a lovely name, your cat must be happy.\"},"
                + "{\"role\":\"user\",\"content\":\"My brother Tom works as a pilot.\"}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        String doc = r.json().get("id").asText();
        awaitDone(doc);
        awaitExtracted(doc);
        List<Memory> learnt = all(tag);
        assertThat(learnt).extracting(Memory::content).hasSize(2)
                .noneMatch(c -> c.contains("lovely name"));
        assertThat(learnt.stream().filter(m -> m.content().contains("Miso")).findFirst().orElseThrow().sources())
                .containsExactly(new MemorySource(doc, null, 0));
        assertThat(learnt.stream().filter(m -> m.content().contains("Tom")).findFirst().orElseThrow().sources())
                .containsExactly(new MemorySource(doc, null, 2));
    }
}
