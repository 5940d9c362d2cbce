package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.util.List;

/** Pipeline step 2: cuts the extracted text into token-bounded chunks and finds each chunk's context. */
public class ChunkStep {

    private final MemoryStore store;
    private final Chunker chunker;
    private final ChunkContext context;

    public ChunkStep(MemoryStore store, Chunker chunker, ChunkContext context) {
        this.store = store;
        this.chunker = chunker;
        this.context = context;
    }

    public ChunkedDocument chunk(StoredDocument doc) {
        IngestJob job = new IngestJob(doc.tenant(), doc.id(), doc.version());
        if (!store.updateStatus(doc.tenant(), doc.id(), doc.version(), DocumentStatus.CHUNKING, null)) {
            throw new StaleJobException(job);
        }
        List<String> chunks = chunker.chunk(doc.content());
        return new ChunkedDocument(doc, chunks, context.contexts(doc, chunks));
    }
}
