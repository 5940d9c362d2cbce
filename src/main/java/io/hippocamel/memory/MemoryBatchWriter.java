package io.hippocamel.memory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extraction step 6: writes the batch in one durable {@code putAll}, then records the extraction done for the
 * version. A crash in between re-runs the version, which rewrites the same memories (see {@link DecisionApplier}).
 */
public class MemoryBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBatchWriter.class);

    private final MemoryFactStore store;
    private final ExtractionStatus status;

    public MemoryBatchWriter(MemoryFactStore store, ExtractionStatus status) {
        this.store = store;
        this.status = status;
    }

    public void write(MemoryBatch batch) {
        if (!batch.memories().isEmpty()) {
            store.putAll(batch.memories());
        }
        status.done(batch.job(), batch.version(), batch.supported());
        LOG.debug("document {} version {}: {} memory write(s), {} memories supported", batch.job().documentId(),
                batch.version(), batch.memories().size(), batch.supported().size());
    }
}
