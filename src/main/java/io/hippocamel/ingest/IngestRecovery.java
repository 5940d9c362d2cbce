package io.hippocamel.ingest;

import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-queues every document left unfinished by a crash or restart: the store is the source of truth, the in-memory
 * queues are only a cache of it. Runs once the routes are up.
 */
public class IngestRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(IngestRecovery.class);

    private final MemoryStore store;
    private final IngestQueue queue;

    public IngestRecovery(MemoryStore store, IngestQueue queue) {
        this.store = store;
        this.queue = queue;
    }

    /** Returns how many documents were re-queued. */
    public int recover() {
        List<StoredDocument> unfinished = store.listUnfinished();
        if (!unfinished.isEmpty()) {
            LOG.info("resuming {} unfinished document(s) after restart", unfinished.size());
        }
        for (StoredDocument doc : unfinished) {
            queue.enqueue(new IngestJob(doc.tenant(), doc.id(), doc.version()));
        }
        return unfinished.size();
    }
}
