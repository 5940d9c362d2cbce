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
 */
final class InFlightStatuses {

    private record Progress(long version, DocumentStatus status) {
    }

    private final Map<String, Progress> byOwner = new ConcurrentHashMap<>();

    void set(String tenant, String id, long version, DocumentStatus status) {
        byOwner.put(key(tenant, id), new Progress(version, status));
    }

    void clear(String tenant, String id) {
        byOwner.remove(key(tenant, id));
    }

    /**
     * The document as callers should see it: with its in-between status when one was set for this very version
     * and the stored state is not final. {@code updatedAt} stays that of the last durable change.
     */
    StoredDocument apply(StoredDocument document) {
        if (document == null || document.status().isFinal()) {
            return document;
        }
        Progress progress = byOwner.get(key(document.tenant(), document.id()));
        return progress == null || progress.version() != document.version() ? document
                : document.withStatus(progress.status(), document.error(), document.updatedAt());
    }

    int size() {
        return byOwner.size();
    }

    private static String key(String tenant, String id) {
        return LuceneRecords.owner(tenant, id).text();
    }
}
