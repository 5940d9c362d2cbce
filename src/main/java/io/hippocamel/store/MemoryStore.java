package io.hippocamel.store;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where documents, their chunks and uploaded files live. One contract, several backends (Lucene on local disk,
 * Elasticsearch); {@code MemoryStoreContractTest} pins it down and every backend runs it.
 *
 * <p>Contract:
 * <ul>
 *   <li><b>Tenancy.</b> Every read and write names its tenant (directly or in a {@link Scope}); nothing of one tenant
 *       is ever returned, changed or deleted through another tenant's call. Ids are unique per tenant.</li>
 *   <li><b>Durability.</b> When a write method returns, its effect survives a crash of the process (kill -9), except
 *       {@link #updateStatus} to a non-final status, which may be lost: recovery restarts such documents from the
 *       last durable state.</li>
 *   <li><b>Visibility.</b> Every write is visible to every read that starts after the write returned
 *       (read-your-writes), including searches.</li>
 *   <li><b>Chunks follow their document.</b> Chunks carry copies of their document's container tag and metadata for
 *       filtering; {@link #putDocument} keeps those copies in step when the version is unchanged and drops the chunks
 *       when it stores a new version; deleting a document deletes its chunks and blob. Chunks are searchable only
 *       while their document's status is {@code done}.</li>
 *   <li><b>Scores.</b> {@link #searchVector}: {@code (1 + cosine) / 2}, in [0,1], best first. {@link #searchText}:
 *       BM25 (k1 1.2, b 0.75), &gt;= 0, best first. Both return at most {@code k} hits, an empty list for an empty
 *       query, and only chunks of documents whose status is {@code done}.</li>
 *   <li><b>Chunk context.</b> {@link #searchText} matches a chunk's {@code context} as if it were part of its text
 *       (one BM25 field); the context is kept with the chunk (rewrites, restarts) and returned in
 *       {@code Chunk.context}, never in {@code Chunk.text}.</li>
 *   <li><b>Threads.</b> Implementations are thread-safe.</li>
 * </ul>
 */
public interface MemoryStore extends AutoCloseable {

    /** Creates or replaces a document record (by tenant + id). Durable. */
    void putDocument(StoredDocument document);

    /**
     * Creates or replaces several document records with one durable write: all or nothing across a crash. Lucene:
     * one write-ahead-log entry. Elasticsearch: one batch journal record (chained records for a very large batch,
     * committed by the last one) written before the documents; a batch cut short after it is a journal record is
     * completed by recovery (the next store to open, or the periodic check of {@link #listUnfinished}) once its
     * writer's hold expired, leaving documents stored meanwhile at the same or a newer version alone.
     */
    void putDocuments(Collection<StoredDocument> documents);

    Optional<StoredDocument> getDocument(String tenant, String id);

    /** The document with this caller-chosen id in the tenant, if any. */
    Optional<StoredDocument> findByCustomId(String tenant, String customId);

    /**
     * Moves a document to {@code status} if it still exists at {@code expectedVersion}; returns whether it did. Final
     * statuses are durable, others may be lost on a crash.
     */
    boolean updateStatus(String tenant, String id, long expectedVersion, DocumentStatus status, String error);

    /**
     * Replaces all chunks of the document with {@code chunks} and stores {@code document} (normally status done)
     * in one atomic, durable step, but only if the stored document still exists at {@code document.version()}.
     * Returns false (and changes nothing) when the document was deleted or changed meanwhile.
     */
    boolean completeDocument(StoredDocument document, List<Chunk> chunks);

    /** Chunks of a document ordered by position, vectors included; empty if the document is unknown. */
    List<Chunk> getChunks(String tenant, String documentId);

    /** Deletes a document, its chunks and its blob. Durable. Returns whether it existed. */
    boolean deleteDocument(String tenant, String id);

    /** Deletes every document of the given container tags in the tenant. Durable. Returns how many. */
    long deleteByContainerTags(String tenant, Collection<String> containerTags);

    /** Documents in scope matching the filter (null = all), sorted, one page. */
    Page<StoredDocument> listDocuments(Scope scope, MetadataFilter filter, DocumentSort sort, int offset, int limit);

    /** Documents of every tenant whose status is not final: what recovery must process again. */
    List<StoredDocument> listUnfinished();

    /**
     * BM25 search over chunk text in scope, restricted by the metadata filter (null = none) and, when
     * {@code documentId} is not null, to that document.
     */
    List<ChunkHit> searchText(Scope scope, String query, MetadataFilter filter, String documentId, int k);

    /** Approximate nearest-neighbour search over chunk vectors, with the same restrictions as {@link #searchText}. */
    List<ChunkHit> searchVector(Scope scope, float[] vector, MetadataFilter filter, String documentId, int k);

    /** Keeps the raw bytes of an uploaded file until its document is deleted. Durable. */
    void putBlob(String tenant, String documentId, byte[] content);

    Optional<byte[]> getBlob(String tenant, String documentId);

    /** A coordination record shared by every server on this store (connector cursors, run reports, leases). */
    Optional<StateRecord> getState(String key);

    /**
     * Stores {@code value} under {@code key} if the stored record's version is {@code expectedVersion} (0: no record
     * yet) and returns the new record (version + 1); empty, changing nothing, when another writer got there first.
     * Durable.
     */
    Optional<StateRecord> compareAndSetState(String key, String value, long expectedVersion);

    /** Records whose key starts with {@code prefix}, ordered by key. */
    List<StateRecord> listState(String prefix);

    /** Removes a record; returns whether it existed. Durable. */
    boolean deleteState(String key);

    /** Number of chunks in the store (all tenants): for health and benchmarks. */
    long chunkCount();

    @Override
    void close();
}
