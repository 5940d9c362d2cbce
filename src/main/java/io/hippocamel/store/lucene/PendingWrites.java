package io.hippocamel.store.lucene;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Document writes the published searcher may not show yet, so that lookups by id see every write at once without
 * reopening the index after each one: a reopen flushes a segment, and one per write under the write lock made every
 * writer wait for it. This is what Elasticsearch's live version map does for realtime gets.
 *
 * <p>Readers look here <em>before</em> acquiring a searcher: an entry is only dropped after a searcher that includes
 * it was published, so a miss here means the next searcher acquired is new enough.
 */
final class PendingWrites {

    /** The latest write of one document: its new state, or a deletion ({@code document} null, no chunks). */
    record Entry(StoredDocument document, List<Chunk> chunks, long seqNo) {

        boolean deleted() {
            return document == null;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Records a written block; writes of one document are serialised, so the later one always replaces. */
    void written(StoredDocument document, List<Chunk> chunks, long seqNo) {
        entries.put(LuceneRecords.owner(document.tenant(), document.id()).text(), new Entry(document, chunks, seqNo));
    }

    void deleted(String tenant, String id, long seqNo) {
        entries.put(LuceneRecords.owner(tenant, id).text(), new Entry(null, List.of(), seqNo));
    }

    /** The pending write of this document, or null when the searcher is the authority. */
    Entry get(String tenant, String id) {
        return entries.get(LuceneRecords.owner(tenant, id).text());
    }

    /** A copy of all pending writes, keyed by owner term text, for lookups that are not by id. */
    Map<String, Entry> snapshot() {
        return Map.copyOf(entries);
    }

    /** Forgets the writes a just-published searcher includes; a newer write of the same document stays. */
    void publishedUpTo(long seqNo) {
        entries.values().removeIf(entry -> entry.seqNo() <= seqNo);
    }

    int size() {
        return entries.size();
    }
}
