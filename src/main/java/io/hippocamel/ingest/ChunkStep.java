package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;

/** Pipeline step 2: cuts the extracted text into token-bounded chunks. */
public class ChunkStep {

    private final MemoryStore store;
    private final Chunker chunker;

    public ChunkStep(MemoryStore store, Chunker chunker) {
        this.store = store;
        this.chunker = chunker;
    }

    public ChunkedDocument chunk(StoredDocument doc) {
        IngestJob job = new IngestJob(doc.tenant(), doc.id(), doc.version());
        if (!store.updateStatus(doc.tenant(), doc.id(), doc.version(), DocumentStatus.CHUNKING, null)) {
            throw new StaleJobException(job);
        }
        return new ChunkedDocument(doc, chunker.chunk(doc.content()));
    }
}
