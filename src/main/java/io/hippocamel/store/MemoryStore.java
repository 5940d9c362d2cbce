package io.hippocamel.store;

import io.hippocamel.core.Scope;

/**
 * Where documents, their chunks and uploaded files live, and the records servers coordinate through. One contract,
 * several backends (Lucene on local disk, Elasticsearch); {@code MemoryStoreContractTest} pins it down and every
 * backend runs it. Callers depend on the part they use: {@link DocumentStore}, {@link ChunkSearch},
 * {@link BlobStore}, {@link Coordination}.
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Tenancy.</b> Every read and write names its tenant (directly or in a {@link Scope}); nothing of one tenant
 *       is ever returned, changed or deleted through another tenant's call. Ids are unique per tenant.</li>
 *   <li><b>Durability.</b> When a write method returns, its effect survives a crash of the process (kill -9), except
 *       {@link DocumentStore#updateStatus} to a non-final status, which may be lost: recovery restarts such documents from the
 *       last durable state.</li>
 *   <li><b>Visibility.</b> Every write is visible to every read that starts after the write returned
 *       (read-your-writes), including searches.</li>
 *   <li><b>Chunks follow their document.</b> Chunks carry copies of their document's container tag and metadata for
 *       filtering; {@link DocumentStore#putDocument} keeps those copies in step when the version is unchanged and drops the chunks
 *       when it stores a new version; deleting a document deletes its chunks and blob. Chunks are searchable only
 *       while their document's status is {@code done}.</li>
 *   <li><b>Scores.</b> {@link ChunkSearch#searchVector}: {@code (1 + cosine) / 2}, in [0,1], best first. {@link ChunkSearch#searchText}:
 *       BM25 (k1 1.2, b 0.75), &gt;= 0, best first. Both return at most {@code k} hits, an empty list for an empty
 *       query, and only chunks of documents whose status is {@code done}.</li>
 *   <li><b>Chunk context.</b> {@link ChunkSearch#searchText} matches a chunk's {@code context} as if it were part of its text
 *       (one BM25 field); the context is kept with the chunk (rewrites, restarts) and returned in
 *       {@code Chunk.context}, never in {@code Chunk.text}.</li>
 *   <li><b>Threads.</b> Implementations are thread-safe.</li>
 * </ul>
 */
public interface MemoryStore extends DocumentStore, ChunkSearch, BlobStore, Coordination, AutoCloseable {

    @Override
    void close();
}
