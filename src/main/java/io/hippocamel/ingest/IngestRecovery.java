package io.hippocamel.ingest;

import io.hippocamel.core.Ids;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final DocumentLeases leases;
    private final Clock clock;
    /** Documents {@link #resumeAbandoned} queued here, and when: not queued again while they may still wait here. */
    private final Map<String, Instant> resumed = new ConcurrentHashMap<>();

    public IngestRecovery(MemoryStore store, IngestQueue queue) {
        this(store, queue, DocumentLeases.disabled(), Clock.systemUTC());
    }

    /** Recovery on a store shared by several servers: {@link #resumeAbandoned} respects their claims. */
    public IngestRecovery(MemoryStore store, IngestQueue queue, DocumentLeases leases, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.leases = leases;
        this.clock = clock;
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

    /**
     * Re-queues unfinished documents that no server has claimed for a lease period: accepted by a server that died
     * before processing them, or claimed by one that died while processing. Runs periodically when several servers
     * share the store; the claim taken when the pipeline starts keeps two servers from both processing one. Returns
     * how many documents were re-queued.
     */
    public int resumeAbandoned() {
        leases.purgeExpired();
        Instant settled = clock.instant().minus(leases.ttl());
        resumed.values().removeIf(at -> at.isBefore(settled));
        int count = 0;
        for (StoredDocument doc : store.listUnfinished()) {
            // recently accepted or updated documents are still in their server's queue, or already in ours
            String key = Ids.ownerKey(doc.tenant(), doc.id()) + "@" + doc.version();
            if (doc.updatedAt() != null && doc.updatedAt().isAfter(settled) || resumed.containsKey(key)
                    || !leases.isFree(doc)) {
                continue;
            }
            resumed.put(key, clock.instant());
            queue.enqueue(new IngestJob(doc.tenant(), doc.id(), doc.version()));
            count++;
        }
        if (count > 0) {
            LOG.info("resuming {} abandoned document(s)", count);
        }
        return count;
    }
}
