package io.hippocamel.ingest;

import io.hippocamel.core.Ids;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.DocumentStore;
import io.hippocamel.store.Leases;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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

    private final DocumentStore documents;
    private final Leases leases;
    private final Duration ttl;
    private final Clock clock;
    private final String owner;
    /** The leases this server holds, by key: released by compare-and-set on the version it took. */
    private final Map<String, Leases.Lease> held = new ConcurrentHashMap<>();

    /** Leases held for {@code ttl} by this server, named by a random id (a restarted server is a new owner). */
    public DocumentLeases(MemoryStore store, Clock clock, Duration ttl) {
        this.documents = store;
        this.leases = new Leases(store, clock);
        this.ttl = ttl;
        this.clock = clock;
        this.owner = UUID.randomUUID().toString();
    }

    private DocumentLeases() {
        this.documents = null;
        this.leases = null;
        this.ttl = null;
        this.clock = null;
        this.owner = null;
    }

    /** Leases for a store only this server uses: every claim succeeds, nothing is written. */
    public static DocumentLeases disabled() {
        return new DocumentLeases();
    }

    public boolean enabled() {
        return leases != null;
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
        // another server (or an earlier queue entry here) is on it, or claimed it a moment ago
        Leases.Lease lease = leases.tryAcquire(key, owner, ttl).orElseThrow(() -> new StaleJobException(job));
        boolean pending = documents.getDocument(job.tenant(), job.documentId())
                .filter(d -> d.version() == job.version() && (d.status() == null || !d.status().isFinal()))
                .isPresent();
        if (!pending) {
            leases.release(lease);
            throw new StaleJobException(job);
        }
        held.put(key, lease);
        return job;
    }

    /** Releases this server's claim on a processed document (never a claim another server took over). */
    public StoredDocument release(StoredDocument document) {
        if (enabled()) {
            Leases.Lease lease = held.remove(key(document.tenant(), document.id()));
            if (lease != null) {
                leases.release(lease);
            }
        }
        return document;
    }

    /** Whether nobody holds a live claim on the document. */
    public boolean isFree(StoredDocument document) {
        return !enabled() || !leases.isHeld(key(document.tenant(), document.id()));
    }

    /** Deletes expired claims (of servers that died, or of documents whose processing failed); returns how many. */
    public int purgeExpired() {
        if (!enabled()) {
            return 0;
        }
        // claims of documents that failed are never released: forget them here once they have expired
        held.values().removeIf(lease -> !lease.expiresAt().isAfter(clock.instant()));
        int purged = leases.purgeExpired(KEY_PREFIX);
        if (purged > 0) {
            LOG.debug("purged {} expired document lease(s)", purged);
        }
        return purged;
    }

    /** How long a claim lasts. */
    public Duration ttl() {
        return ttl;
    }

    private static String key(String tenant, String documentId) {
        return KEY_PREFIX + Ids.ownerKey(tenant, documentId);
    }
}
