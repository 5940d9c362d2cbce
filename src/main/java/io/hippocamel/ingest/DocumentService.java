package io.hippocamel.ingest;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ConflictException;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.Ids;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Accepts, updates and removes documents. A document is durable in the store with status {@code queued} before any
 * method returns, then handed to the pipeline; customId makes adds idempotent upserts.
 */
public class DocumentService {

    /** Locks serialising upserts of one customId, so two concurrent adds cannot create two documents. */
    private static final int LOCK_STRIPES = 64;

    private final MemoryStore store;
    private final IngestQueue queue;
    private final Clock clock;
    private final DocumentEvents events;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public DocumentService(MemoryStore store, IngestQueue queue, Clock clock, DocumentEvents events) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
        this.events = events;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The outcome of an add or update: the document id and its status. */
    public record Accepted(String id, DocumentStatus status) {
    }

    public Accepted add(String tenant, NewDocument doc) {
        if (doc.customId() == null) {
            return create(tenant, doc);
        }
        ReentrantLock lock = lockFor(tenant, doc.customId());
        lock.lock();
        try {
            Optional<StoredDocument> existing = store.findByCustomId(tenant, doc.customId());
            if (existing.isEmpty()) {
                return create(tenant, doc);
            }
            return upsert(existing.get(), doc);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds several documents as one batch: every document without a file (new ones and customId upserts alike) is
     * written with one durable store write, so after a crash either all of them are stored or none is, and a client
     * retrying a batch whose answer it never got does not find half of it already there. Uploads (files, which need
     * a blob first) go one by one after it. Results are in input order.
     */
    public List<Accepted> addAll(String tenant, List<NewDocument> docs) {
        Accepted[] results = new Accepted[docs.size()];
        List<ReentrantLock> held = lockCustomIds(tenant, docs);
        try {
            Map<String, StoredDocument> writes = new LinkedHashMap<>();
            List<StoredDocument> requeued = new ArrayList<>();
            // a customId that appears twice in the batch upserts what its first appearance wrote
            Map<String, StoredDocument> byCustomId = new HashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                NewDocument doc = docs.get(i);
                if (doc.file() != null) {
                    continue;
                }
                Optional<StoredDocument> existing = doc.customId() == null ? Optional.empty()
                        : Optional.ofNullable(byCustomId.get(doc.customId()))
                                .or(() -> store.findByCustomId(tenant, doc.customId()));
                Change change = existing.isEmpty() ? Change.created(newRecord(tenant, doc))
                        : planUpsert(existing.get(), doc);
                results[i] = change.accepted();
                if (change.write() != null) {
                    writes.put(change.write().id(), change.write());
                    if (change.queue()) {
                        requeued.add(change.write());
                    }
                }
                if (doc.customId() != null) {
                    byCustomId.put(doc.customId(), change.write() != null ? change.write() : existing.get());
                }
            }
            if (!writes.isEmpty()) {
                store.putDocuments(writes.values());
                // a document queued twice in one batch is processed at its last version only
                requeued.stream().filter(d -> writes.get(d.id()) == d).forEach(this::queued);
            }
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
        for (int i = 0; i < docs.size(); i++) {
            if (results[i] == null) {
                results[i] = add(tenant, docs.get(i));
            }
        }
        return List.of(results);
    }

    /** What an add or upsert does: the record to write (null: nothing), whether to queue it, and the answer. */
    private record Change(StoredDocument write, boolean queue, Accepted accepted) {

        static Change created(StoredDocument fresh) {
            return new Change(fresh, true, new Accepted(fresh.id(), DocumentStatus.QUEUED));
        }
    }

    /** Locks the stripes of every customId of the batch, in stripe order so that two batches cannot deadlock. */
    private List<ReentrantLock> lockCustomIds(String tenant, List<NewDocument> docs) {
        List<ReentrantLock> held = new ArrayList<>();
        docs.stream().filter(d -> d.file() == null && d.customId() != null)
                .map(d -> stripe(tenant, d.customId())).distinct().sorted()
                .forEach(stripe -> {
                    locks[stripe].lock();
                    held.add(locks[stripe]);
                });
        return held;
    }

    private Accepted create(String tenant, NewDocument doc) {
        StoredDocument stored = newRecord(tenant, doc);
        if (doc.file() != null) {
            store.putBlob(tenant, stored.id(), doc.file().bytes());
        }
        store.putDocument(stored);
        queued(stored);
        return new Accepted(stored.id(), DocumentStatus.QUEUED);
    }

    private StoredDocument newRecord(String tenant, NewDocument doc) {
        Instant now = clock.instant();
        return new StoredDocument(Ids.newId(), tenant, doc.containerTag(), doc.customId(),
                doc.file() == null ? doc.content() : null, null, typeOf(doc.content(), doc.file()),
                urlOf(doc.content(), doc.file()),
                doc.file() == null ? "api" : "file",
                doc.file() == null ? null : doc.file().fileName(), doc.file() == null ? null : doc.file().mimeType(),
                doc.metadata(), DocumentStatus.QUEUED, null, 1, 0, now, now);
    }

    /** Same customId again: unchanged content only updates tag and metadata; new content re-processes. */
    private Accepted upsert(StoredDocument current, NewDocument doc) {
        Change change = planUpsert(current, doc);
        if (!change.queue()) {
            if (change.write() != null) {
                store.putDocument(change.write());
            }
            return change.accepted();
        }
        return reprocess(current, doc.content(), doc.file(), doc.containerTag(), current.customId(), doc.metadata());
    }

    private Change planUpsert(StoredDocument current, NewDocument doc) {
        boolean sameContent = doc.file() == null && current.fileName() == null
                && (Objects.equals(current.content(), doc.content()) || Objects.equals(current.url(), doc.content()));
        if (sameContent && current.status() != DocumentStatus.FAILED) {
            StoredDocument relabelled = null;
            if (!current.metadata().equals(doc.metadata()) || !current.containerTag().equals(doc.containerTag())) {
                relabelled = current.withLabels(doc.containerTag(), current.customId(), doc.metadata(),
                        clock.instant());
            }
            return new Change(relabelled, false, new Accepted(current.id(), current.status()));
        }
        StoredDocument next = requeued(current, doc.content(), doc.file(), doc.containerTag(), current.customId(),
                doc.metadata());
        return new Change(next, true, new Accepted(current.id(), DocumentStatus.QUEUED));
    }

    private Accepted reprocess(StoredDocument current, String content, NewDocument.FileUpload file,
                               String containerTag, String customId, Map<String, Object> metadata) {
        if (file != null) {
            store.putBlob(current.tenant(), current.id(), file.bytes());
        }
        StoredDocument next = requeued(current, content, file, containerTag, customId, metadata);
        store.putDocument(next);
        queued(next);
        return new Accepted(current.id(), DocumentStatus.QUEUED);
    }

    private StoredDocument requeued(StoredDocument current, String content, NewDocument.FileUpload file,
                                    String containerTag, String customId, Map<String, Object> metadata) {
        return current.requeued(file == null ? content : null, containerTag, customId,
                typeOf(content, file), urlOf(content, file), file == null ? null : file.fileName(),
                file == null ? null : file.mimeType(), metadata, current.version() + 1, clock.instant());
    }

    private void queued(StoredDocument doc) {
        queue.enqueue(new IngestJob(doc.tenant(), doc.id(), doc.version()));
        events.publish(event(DocumentEvent.Type.QUEUED, doc, DocumentStatus.QUEUED));
    }

    private DocumentEvent event(DocumentEvent.Type type, StoredDocument doc, DocumentStatus status) {
        return new DocumentEvent(type, doc.tenant(), doc.id(), doc.customId(), doc.containerTag(), status, null,
                clock.instant());
    }

    public StoredDocument get(String tenant, String idOrCustomId) {
        return find(tenant, idOrCustomId).orElseThrow(() -> new NotFoundException("Document"));
    }

    public Optional<StoredDocument> find(String tenant, String idOrCustomId) {
        return store.getDocument(tenant, idOrCustomId).or(() -> store.findByCustomId(tenant, idOrCustomId));
    }

    public Accepted update(String tenant, String idOrCustomId, DocumentPatch patch) {
        StoredDocument current = get(tenant, idOrCustomId);
        ReentrantLock lock = lockFor(tenant, current.customId() == null ? current.id() : current.customId());
        lock.lock();
        try {
            current = get(tenant, current.id());
            String customId = current.customId();
            if (patch.customId() != null && !patch.customId().equals(customId)) {
                String currentId = current.id();
                store.findByCustomId(tenant, patch.customId()).filter(other -> !other.id().equals(currentId))
                        .ifPresent(other -> {
                            throw new ConflictException("customId '" + patch.customId()
                                    + "' is already used by document " + other.id());
                        });
                customId = patch.customId();
            }
            String tag = patch.containerTag() == null ? current.containerTag() : patch.containerTag();
            Map<String, Object> metadata = merge(current.metadata(), patch.metadata());
            boolean contentChanged = patch.content() != null && !patch.content().equals(current.content())
                    && !patch.content().equals(current.url());
            if (contentChanged || current.status() == DocumentStatus.FAILED && patch.content() != null) {
                return reprocess(current, patch.content(), null, tag, customId, metadata);
            }
            store.putDocument(current.withLabels(tag, customId, metadata, clock.instant()));
            return new Accepted(current.id(), current.status());
        } finally {
            lock.unlock();
        }
    }

    public static Map<String, Object> merge(Map<String, Object> current, Map<String, Object> patch) {
        if (patch == null) {
            return current;
        }
        Map<String, Object> merged = new LinkedHashMap<>(current);
        patch.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    public void delete(String tenant, String idOrCustomId) {
        if (!deleteIfPresent(tenant, idOrCustomId)) {
            throw new NotFoundException("Document");
        }
    }

    /** Deletes documents by id (or customId); returns the ids that were not found. */
    public List<String> deleteByIds(String tenant, Collection<String> ids) {
        return ids.stream().filter(id -> !deleteIfPresent(tenant, id)).toList();
    }

    private boolean deleteIfPresent(String tenant, String idOrCustomId) {
        Optional<StoredDocument> doc = find(tenant, idOrCustomId);
        if (doc.isEmpty() || !store.deleteDocument(tenant, doc.get().id())) {
            return false;
        }
        events.publish(event(DocumentEvent.Type.DELETED, doc.get(), null));
        return true;
    }

    public long deleteByContainerTags(String tenant, Collection<String> tags) {
        long deleted = store.deleteByContainerTags(tenant, tags);
        for (String tag : tags) {
            events.publish(new DocumentEvent(DocumentEvent.Type.DELETED, tenant, null, null, tag, null, null,
                    clock.instant()));
        }
        return deleted;
    }

    public Page<StoredDocument> list(Scope scope, MetadataFilter filter, DocumentSort sort, int page, int limit) {
        return store.listDocuments(scope, filter, sort, (page - 1) * limit, limit);
    }

    public List<StoredDocument> processing(String tenant) {
        return store.listUnfinished().stream().filter(d -> d.tenant().equals(tenant)).toList();
    }

    public List<Chunk> chunks(String tenant, String idOrCustomId) {
        StoredDocument doc = get(tenant, idOrCustomId);
        return store.getChunks(tenant, doc.id());
    }

    private ReentrantLock lockFor(String tenant, String key) {
        return locks[stripe(tenant, key)];
    }

    private static int stripe(String tenant, String key) {
        return Math.floorMod(Objects.hash(tenant, key), LOCK_STRIPES);
    }

    /** The type until extraction knows better: webpage for URLs, text otherwise. */
    private static String typeOf(String content, NewDocument.FileUpload file) {
        return file == null && UrlFetcher.looksLikeUrl(content) ? "webpage" : "text";
    }

    private static String urlOf(String content, NewDocument.FileUpload file) {
        return file == null && UrlFetcher.looksLikeUrl(content) ? content.strip() : null;
    }
}
