package io.hippocamel.memory.lucene;

import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemoryFactStoreContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene memories index against the shared contract, plus what only this backend promises. */
class LuceneMemoryFactStoreTest extends MemoryFactStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected MemoryFactStore createStore(Clock clock, int dimension) {
        return new LuceneMemoryFactStore(dir, dimension, clock);
    }

    @Override
    protected MemoryFactStore reopenStore(Clock clock, int dimension) {
        return new LuceneMemoryFactStore(dir, dimension, clock);
    }
}
