package io.hippocamel.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.search.SearchProperties;
import io.hippocamel.store.StoreProperties;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.Embedder;
import io.hippocamel.embed.OnnxEmbedder;
import io.hippocamel.memory.lucene.LuceneMemoryFactStore;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The memory store bean follows hippocamel.store.type and is closed (committed) when the context stops. */
class MemoryStorageConfigurationTest {

    private static OnnxEmbedder embedder;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void loadModel() {
        embedder = new OnnxEmbedder(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    private ApplicationContextRunner runner(HippocamelProperties props) {
        return runner(props, new StoreProperties());
    }

    private ApplicationContextRunner runner(HippocamelProperties props, StoreProperties store) {
        return new ApplicationContextRunner()
                .withUserConfiguration(MemoryStorageConfiguration.class)
                .withBean(HippocamelProperties.class, () -> props)
                .withBean(StoreProperties.class, () -> store)
                .withBean(SearchProperties.class, SearchProperties::new)
                .withBean(Embedder.class, () -> embedder)
                .withBean(Clock.class, Clock::systemUTC);
    }

    @Test
    @DisplayName("the embedded default keeps memories in <data-dir>/memories, across a restart of the context")
    void luceneByDefault() {
        HippocamelProperties props = new HippocamelProperties();
        props.setDataDir(dataDir);
        Memory memory = Memory.create("m1", "tenant", "user_alex", "Alex likes tea", Clock.systemUTC().instant())
                .vector(embedder.embed("Alex likes tea")).build();

        runner(props).run(context -> {
            assertThat(context).hasSingleBean(MemorySearch.class);
            assertThat(context.getBean(MemoryFactStore.class)).isInstanceOf(LuceneMemoryFactStore.class);
            context.getBean(MemoryFactStore.class).put(memory);
        });

        assertThat(dataDir.resolve("memories/index")).isDirectory();
        runner(props).run(context -> assertThat(context.getBean(MemoryFactStore.class)
                .get(Scope.allTags("tenant"), "m1")).map(Memory::content).contains("Alex likes tea"));
    }

    @Test
    @DisplayName("store type elasticsearch without a URL fails at start with a message naming the key")
    void elasticsearchNeedsUrl() {
        HippocamelProperties props = new HippocamelProperties();
        props.setDataDir(dataDir);
        StoreProperties store = new StoreProperties();
        store.setType(StoreProperties.StoreType.ELASTICSEARCH);

        runner(props, store).run(context -> assertThat(context).hasFailed().getFailure()
                .rootCause().hasMessageContaining("hippocamel.store.elasticsearch.url"));
    }
}
