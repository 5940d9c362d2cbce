package io.hippocamel.store;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Document records and their chunks: the part of {@link MemoryStore} the ingest pipeline and the document API use.
 * The contract (tenancy, durability, visibility, chunks following their document) is {@link MemoryStore}'s.
 */
public interface DocumentStore {

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

    /** Number of documents per container tag of the tenant, any status; tags without documents are left out. */
    Map<String, Long> countByContainerTag(String tenant);

    /** Documents in scope matching the filter (null = all), sorted, one page. */
    Page<StoredDocument> listDocuments(Scope scope, MetadataFilter filter, DocumentSort sort, int offset, int limit);

    /** Documents of every tenant whose status is not final: what recovery must process again. */
    List<StoredDocument> listUnfinished();
}
