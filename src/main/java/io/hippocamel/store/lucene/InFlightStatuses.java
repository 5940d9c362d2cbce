package io.hippocamel.store.lucene;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-between statuses (extracting, chunking, embedding, indexing) of documents in the pipeline, kept in memory
 * only. The contract lets a crash lose them (recovery restarts from the last durable state), and writing each one
 * to the index cost a block rewrite, a log entry and a searcher reopen per step — and left deletions in nearly every
 * vector segment, which stops Lucene from reusing HNSW graphs when it merges.
 *
 * <p>An entry also holds the document's latest durable state, so the pipeline's next status change needs no index
 * lookup. The store keeps it in step under its write lock: every durable write of the document replaces or drops it.
 */
final class InFlightStatuses {

    private record Progress(StoredDocument durable, DocumentStatus status) {

        StoredDocument view() {
            // updatedAt stays that of the last durable change, which is also what list sorting sees
            return durable.withStatus(status, durable.error(), durable.updatedAt());
        }
    }

    private final Map<String, Progress> byOwner = new ConcurrentHashMap<>();

    /** Records an in-between status of a document whose latest durable state is {@code durable} (not final). */
    void set(StoredDocument durable, DocumentStatus status) {
        byOwner.put(key(durable.tenant(), durable.id()), new Progress(durable, status));
    }

    /** The document with its in-between status, or null when it has none. */
    StoredDocument get(String tenant, String id) {
        Progress progress = byOwner.get(key(tenant, id));
        return progress == null ? null : progress.view();
    }

    /** The latest durable state of a document with an in-between status, or null when it has none. */
    StoredDocument durable(String tenant, String id) {
        Progress progress = byOwner.get(key(tenant, id));
        return progress == null ? null : progress.durable();
    }

    /** A durable write of the document: keeps the status across a same-version rewrite, drops it otherwise. */
    void written(StoredDocument document) {
        byOwner.computeIfPresent(key(document.tenant(), document.id()), (key, progress) ->
                document.status().isFinal() || document.version() != progress.durable().version() ? null
                        : new Progress(document, progress.status()));
    }

    void deleted(String tenant, String id) {
        byOwner.remove(key(tenant, id));
    }

    /** A document read from the index or the pending writes, as callers should see it. */
    StoredDocument apply(StoredDocument document) {
        if (document == null || document.status().isFinal()) {
            return document;
        }
        Progress progress = byOwner.get(key(document.tenant(), document.id()));
        return progress == null || progress.durable().version() != document.version() ? document : progress.view();
    }

    int size() {
        return byOwner.size();
    }

    private static String key(String tenant, String id) {
        return LuceneRecords.owner(tenant, id).text();
    }
}
