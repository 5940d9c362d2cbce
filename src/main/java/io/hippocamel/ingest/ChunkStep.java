package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.util.List;
import java.util.function.ToIntFunction;

/** Pipeline step 2: cuts the extracted text into token-bounded chunks and finds each chunk's context. */
public class ChunkStep {

    private final MemoryStore store;
    private final Chunker chunker;
    private final ChunkContext context;
    private final ToIntFunction<String> tenantChunkSize;

    /** @param tenantChunkSize a tenant's chunk size in tokens, or -1 for the configured one */
    public ChunkStep(MemoryStore store, Chunker chunker, ChunkContext context, ToIntFunction<String> tenantChunkSize) {
        this.store = store;
        this.chunker = chunker;
        this.context = context;
        this.tenantChunkSize = tenantChunkSize;
    }

    public ChunkedDocument chunk(StoredDocument doc) {
        IngestJob job = new IngestJob(doc.tenant(), doc.id(), doc.version());
        if (!store.updateStatus(doc.tenant(), doc.id(), doc.version(), DocumentStatus.CHUNKING, null)) {
            throw new StaleJobException(job);
        }
        int size = tenantChunkSize.applyAsInt(doc.tenant());
        List<String> chunks = (size > 0 ? chunker.withMaxTokens(size) : chunker).chunk(doc.content());
        return new ChunkedDocument(doc, chunks, context.contexts(doc, chunks));
    }
}
