package io.hippocamel.memory.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.LuceneFiles;
import io.hippocamel.core.Scope;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemoryFactStoreContractTest;
import io.hippocamel.memory.MemorySelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene memories index against the shared contract, plus what only this backend promises. */
class LuceneMemoryFactStoreTest extends MemoryFactStoreContractTest {

    private static final String TENANT = "tenant-a";
    private static final String TAG = "user_alex";

    @TempDir
    Path dir;

    @TempDir
    Path crashCopy;

    @Override
    protected MemoryFactStore createStore(Clock clock, int dimension) {
        return new LuceneMemoryFactStore(dir, dimension, clock);
    }

    @Override
    protected MemoryFactStore reopenStore(Clock clock, int dimension) {
        return new LuceneMemoryFactStore(dir, dimension, clock);
    }

    @Test
    @DisplayName("after an unclean stop, replaying the log restores every durable write")
    void durableWritesSurviveUncleanStop() throws IOException {
        writeSome(store);

        LuceneFiles.copyAsIfKilled(dir, crashCopy); // the store stays open: nothing is committed or cleaned up

        try (MemoryFactStore recovered = new LuceneMemoryFactStore(crashCopy, dimension(), clock)) {
            assertHoldsSome(recovered);
        }
    }

    @Test
    @DisplayName("checkpoints commit the index and drop old log files; what follows them is replayed after a crash")
    void checkpointsThenCrash() throws IOException {
        store.close();
        store = new LuceneMemoryFactStore(dir, dimension(), clock, 4_000); // a checkpoint every two or so writes

        writeSome(store);
        store.put(fact("after", "user_bees", "Alex keeps bees").build());

        try (Stream<Path> logs = Files.list(dir.resolve("wal"))) {
            List<Path> files = logs.toList();
            assertThat(files).hasSize(1); // older files went with their checkpoints
            assertThat(Files.size(files.get(0))).isPositive(); // and the newest holds writes since the last one
        }
        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        try (MemoryFactStore recovered = new LuceneMemoryFactStore(crashCopy, dimension(), clock)) {
            assertHoldsSome(recovered);
            assertThat(recovered.get(Scope.allTags(TENANT), "after")).isPresent();
        }
    }

    /** A version chain, a forgotten memory, a deleted tag, a batch. */
    private void writeSome(MemoryFactStore target) {
        Memory v1 = fact("v1", TAG, "Alex works at Google").build();
        target.put(v1);
        target.put(next(v1, "v2", "Alex works at Stripe"));
        target.putAll(List.of(fact("tea", TAG, "Alex likes tea").build(), fact("gone", "user_gone", "Gone").build()));
        target.forget(Scope.allTags(TENANT), "tea", "changed taste");
        target.deleteByContainerTag(TENANT, "user_gone");
    }

    private void assertHoldsSome(MemoryFactStore recovered) {
        Scope scope = Scope.allTags(TENANT);
        assertThat(recovered.versions(scope, "v1")).extracting(Memory::id, Memory::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", false),
                        org.assertj.core.groups.Tuple.tuple("v2", true));
        assertThat(recovered.get(scope, "tea").orElseThrow().isForgotten()).isTrue();
        assertThat(recovered.get(scope, "gone")).isEmpty();
        assertThat(recovered.countByTag(scope)).containsEntry(TAG, 1L).doesNotContainKey("user_gone");
        assertThat(recovered.searchVector(MemorySelection.latest(scope), embed("Alex works at Stripe"), 1))
                .extracting(h -> h.memory().id()).containsExactly("v2");
    }

}
