package io.hippocamel.ingest;

import io.hippocamel.core.Ids;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is processing which document, when several servers share one store: a server claims a document before its
 * pipeline starts on it (a compare-and-set coordination record in the store, held for {@code ttl}), so two servers
 * never process the same document at once, and releases it when done. A claim that outlives its server expires, and
 * {@link IngestRecovery#resumeAbandoned} then hands the document to a live server.
 *
 * <p>With one server (the embedded store) there is nobody to coordinate with: {@link #disabled()} claims everything
 * without writing.
 */
public class DocumentLeases {

    /** Key prefix of lease records in the store's coordination records. */
    public static final String KEY_PREFIX = "ingest-lease:";

    private static final Logger LOG = LoggerFactory.getLogger(DocumentLeases.class);

    private final MemoryStore store;
    private final Clock clock;
    private final Duration ttl;
    private final String owner;

    /** Leases held for {@code ttl} by this server, named by a random id (a restarted server is a new owner). */
    public DocumentLeases(MemoryStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
        this.owner = UUID.randomUUID().toString();
    }

    private DocumentLeases() {
        this.store = null;
        this.clock = null;
        this.ttl = null;
        this.owner = null;
    }

    /** Leases for a store only this server uses: every claim succeeds, nothing is written. */
    public static DocumentLeases disabled() {
        return new DocumentLeases();
    }

    public boolean enabled() {
        return store != null;
    }

    /**
     * Claims the job's document for this server, or throws {@link StaleJobException} (the job is dropped) when
     * another server holds a live claim, or the document is gone, changed or already finished.
     */
    public IngestJob claim(IngestJob job) {
        if (!enabled()) {
            return job;
        }
        String key = key(job.tenant(), job.documentId());
        Optional<StateRecord> current = store.getState(key);
        if (current.isPresent() && isLive(current.get())) {
            throw new StaleJobException(job); // another server (or an earlier queue entry here) is on it
        }
        String value = owner + "\n" + clock.instant().plus(ttl).toEpochMilli();
        if (store.compareAndSetState(key, value, current.map(StateRecord::version).orElse(0L)).isEmpty()) {
            throw new StaleJobException(job); // another server claimed it a moment ago
        }
        boolean pending = store.getDocument(job.tenant(), job.documentId())
                .filter(d -> d.version() == job.version() && (d.status() == null || !d.status().isFinal()))
                .isPresent();
        if (!pending) {
            store.deleteState(key);
            throw new StaleJobException(job);
        }
        return job;
    }

    /** Releases this server's claim on a processed document. */
    public StoredDocument release(StoredDocument document) {
        if (enabled()) {
            String key = key(document.tenant(), document.id());
            store.getState(key).filter(this::isMine).ifPresent(lease -> store.deleteState(key));
        }
        return document;
    }

    /** Whether nobody holds a live claim on the document. */
    public boolean isFree(StoredDocument document) {
        return !enabled() || store.getState(key(document.tenant(), document.id())).filter(this::isLive).isEmpty();
    }

    /** Deletes expired claims (of servers that died, or of documents whose processing failed); returns how many. */
    public int purgeExpired() {
        if (!enabled()) {
            return 0;
        }
        int purged = 0;
        for (StateRecord lease : store.listState(KEY_PREFIX)) {
            if (!isLive(lease) && store.deleteState(lease.key())) {
                purged++;
            }
        }
        if (purged > 0) {
            LOG.debug("purged {} expired document lease(s)", purged);
        }
        return purged;
    }

    /** How long a claim lasts. */
    public Duration ttl() {
        return ttl;
    }

    private boolean isLive(StateRecord lease) {
        return clock.instant().isBefore(expiry(lease));
    }

    private boolean isMine(StateRecord lease) {
        return lease.value().startsWith(owner + "\n");
    }

    private static Instant expiry(StateRecord lease) {
        String value = lease.value();
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf('\n') + 1)));
        } catch (RuntimeException e) {
            return Instant.EPOCH; // unreadable: treat as expired
        }
    }

    private static String key(String tenant, String documentId) {
        // the tenant's length first, so that no (tenant, id) pair spells another pair's key
        return KEY_PREFIX + Ids.ownerKey(tenant, documentId);
    }
}
