package io.hippocamel.store.lucene;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.ChunkVectors;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneIndex.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The embedded {@link MemoryStore}: one Lucene index and a folder of blobs under one directory.
 *
 * <ul>
 *   <li><b>Layout.</b> {@code <directory>/index} is the Lucene index (layout in {@link LuceneRecords}),
 *       {@code <directory>/wal} its write-ahead log ({@link WriteAheadLog}), both kept by a {@link LuceneIndex};
 *       {@code <directory>/blobs} the uploaded files ({@link BlobFiles}).</li>
 *   <li><b>Blocks.</b> Every write of a document replaces its record and all its chunk records in one
 *       {@link IndexWriter#updateDocuments} call: readers and commits see all of it or none, so chunk copies of
 *       metadata, container tag and the searchable flag can never disagree with their document.</li>
 *   <li><b>Which chunks a write keeps.</b> {@link #completeDocument} sets them; {@link #putDocument} keeps the stored
 *       ones (re-stamped with the new metadata and tag) only when the version is unchanged, so re-queuing a document
 *       at a new version drops its chunks; {@link #updateStatus} keeps them. Chunks are searchable only while their
 *       document is {@code done}: a flag on the chunk records, rewritten with the block.</li>
 *   <li><b>Visibility.</b> Writes hold one lock for their check-and-write but do not reopen the index: reopening
 *       flushes a segment, and doing that per write made writes queue behind each other. Instead, lookups by id
 *       (and the writes' own checks) consult {@link PendingWrites} first, and queries (search, listings, counts)
 *       reopen the near-real-time searcher when a write happened since it was last opened. Reads take no lock.</li>
 *   <li><b>Durability.</b> Every index write is appended to the write-ahead log under the lock. After leaving the
 *       lock a durable write waits for an fsync of the log that covers it ({@link GroupCommit}), so concurrent
 *       writers share fsyncs; non-final status updates skip that wait. Lucene itself commits at checkpoints (when the
 *       log has grown past a size) and on close; opening replays the log into the index.</li>
 *   <li><b>Coordination records</b> ({@link StateRecord}) are index records of their own kind, logged and committed
 *       like documents; all of them are also held in memory (they are few and small), which is what reads consult
 *       and what compare-and-set checks under the write lock.</li>
 * </ul>
 */
public final class LuceneMemoryStore implements MemoryStore {

    /** Pending writes that make a write reopen the searcher itself, so that write-only phases stay bounded. */
    private static final int MAX_PENDING = 1000;
    /** Log size that triggers a checkpoint: bounds both the log on disk and the replay time after a crash. */
    private static final long DEFAULT_CHECKPOINT_BYTES = 64L * 1024 * 1024;

    private final int dimension;
    private final LuceneIndex index;
    private final IndexWriter writer;
    private final BlobFiles blobs;
    private final LuceneRecords records = new LuceneRecords();
    private final PendingWrites pending = new PendingWrites();
    private final InFlightStatuses inFlight = new InFlightStatuses();
    /** Every coordination record by key; written under the write lock, read without it. */
    private final ConcurrentSkipListMap<String, StateRecord> states = new ConcurrentSkipListMap<>();

    /**
     * Opens the store in {@code directory}, creating it when missing, and replays what the log holds beyond the last
     * index commit; chunk vectors have {@code dimension} floats.
     */
    public LuceneMemoryStore(Path directory, int dimension) {
        this(directory, dimension, DEFAULT_CHECKPOINT_BYTES);
    }

    /** With a chosen checkpoint size: lets tests checkpoint often. */
    LuceneMemoryStore(Path directory, int dimension, long checkpointBytes) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dimension = dimension;
        this.index = LuceneIndex.open(directory, "store", checkpointBytes,
                (target, payload) -> apply(target, WriteAheadLog.decode(payload, records)),
                pending::publishedUpTo, () -> pending.size() > MAX_PENDING);
        this.writer = index.writer();
        try {
            loadStates();
            this.blobs = new BlobFiles(directory.resolve("blobs"));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(index);
            throw e instanceof IOException io ? new UncheckedIOException("cannot open store in " + directory, io)
                    : (RuntimeException) e;
        }
    }

    /** Reads every coordination record of the opened (replayed) index into memory. */
    private void loadStates() {
        index.read(searcher -> {
            Query query = new TermQuery(LuceneRecords.kind(LuceneRecords.STATE));
            int count = searcher.count(query);
            if (count > 0) {
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
                    StateRecord state = LuceneRecords.toState(stored.document(hit.doc));
                    states.put(state.key(), state);
                }
            }
            return null;
        });
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Override
    public void putDocument(StoredDocument document) {
        putDocuments(List.of(document));
    }

    /**
     * Several documents are one batch: all of them reach the log in one entry, and no checkpoint commits the index
     * while their blocks are being written, so a crash leaves every document of the batch or none.
     */
    @Override
    public void putDocuments(Collection<StoredDocument> documents) {
        // the last of several versions of one document wins, as if they were put one after the other
        Map<Term, StoredDocument> latest = new LinkedHashMap<>();
        documents.forEach(d -> latest.put(ownerOf(d), d));
        if (latest.size() == 1) {
            putOne(latest.values().iterator().next());
            return;
        }
        if (latest.isEmpty()) {
            return;
        }
        index.writeWhole(true, () -> {
                List<WriteAheadLog.Put> puts = new ArrayList<>(latest.size());
                List<List<Document>> blocks = new ArrayList<>(latest.size());
                for (StoredDocument document : latest.values()) {
                    StoredDocument current = currentDocument(document.tenant(), document.id());
                    boolean sameVersion = current != null && current.version() == document.version();
                    List<Chunk> kept = sameVersion ? sorted(currentChunks(document.tenant(), document.id()))
                            : List.of();
                    puts.add(new WriteAheadLog.Put(document, kept));
                    blocks.add(records.block(document, kept)); // all built before the first index write
                }
                long seqNo = LuceneIndex.NOTHING_WRITTEN;
                for (int i = 0; i < puts.size(); i++) {
                    seqNo = writer.updateDocuments(ownerOf(puts.get(i).document()), blocks.get(i));
                }
                index.log(WriteAheadLog.encode(new WriteAheadLog.PutAll(puts), records), seqNo);
                for (WriteAheadLog.Put put : puts) {
                    written(put.document(), put.chunks(), seqNo);
                }
                return new Written<>(null, seqNo);
        });
    }

    private void putOne(StoredDocument document) {
        write(true, () -> {
            StoredDocument current = currentDocument(document.tenant(), document.id());
            boolean sameVersion = current != null && current.version() == document.version();
            List<Chunk> kept = sameVersion ? currentChunks(document.tenant(), document.id()) : List.of();
            return new Written<>(null, writeBlock(document, kept));
        });
    }

    @Override
    public boolean updateStatus(String tenant, String id, long expectedVersion, DocumentStatus status, String error) {
        return write(status.isFinal(), () -> {
            StoredDocument durable = inFlight.durable(tenant, id);
            if (durable == null) {
                durable = durableDocument(tenant, id);
            }
            StoredDocument current = inFlight.apply(durable);
            if (current == null || current.version() != expectedVersion) {
                return Written.nothing(false);
            }
            if (!status.isFinal() && !current.status().isFinal()) {
                // one in-between status after another: memory only (see InFlightStatuses)
                inFlight.set(durable, status);
                return Written.nothing(true);
            }
            StoredDocument next = current.withStatus(status, error, Instant.now());
            return new Written<>(true, writeBlock(next, currentChunks(tenant, id)));
        });
    }

    @Override
    public boolean completeDocument(StoredDocument document, List<Chunk> chunks) {
        chunks.forEach(chunk -> ChunkVectors.validate(document, chunk, dimension));
        List<Chunk> normalised = chunks.stream().map(ChunkVectors::withUnitVector).toList();
        return write(true, () -> {
            StoredDocument current = currentDocument(document.tenant(), document.id());
            if (current == null || current.version() != document.version()) {
                return Written.nothing(false);
            }
            return new Written<>(true, writeBlock(document, normalised));
        });
    }

    @Override
    public boolean deleteDocument(String tenant, String id) {
        boolean existed = write(true, () -> currentDocument(tenant, id) == null
                ? Written.nothing(false)
                : new Written<>(true, deleteBlocks(tenant, List.of(id))));
        // after the commit: a crash in between leaves an orphan file rather than a document without its upload
        blobs.delete(tenant, id);
        return existed;
    }

    @Override
    public long deleteByContainerTags(String tenant, Collection<String> containerTags) {
        if (containerTags.isEmpty()) {
            return 0;
        }
        List<String> ids = write(true, () -> {
            index.publish(); // a query, not a lookup by id: it must run on a searcher that has every write
            Query query = new BooleanQuery.Builder()
                    .add(new TermQuery(LuceneRecords.kind(LuceneRecords.DOCUMENT)), Occur.FILTER)
                    .add(new TermQuery(new Term(LuceneRecords.TENANT, tenant)), Occur.FILTER)
                    .add(anyOf(LuceneRecords.CONTAINER_TAG, containerTags), Occur.FILTER)
                    .build();
            List<String> found = read(searcher -> searchAll(searcher, query, null)).stream()
                    .map(StoredDocument::id).toList();
            return new Written<>(found, found.isEmpty() ? LuceneIndex.NOTHING_WRITTEN : deleteBlocks(tenant, found));
        });
        ids.forEach(id -> blobs.delete(tenant, id));
        return ids.size();
    }

    @Override
    public Map<String, Long> countByContainerTag(String tenant) {
        return query(searcher -> {
            Map<String, Long> counts = new TreeMap<>();
            Terms tags = MultiTerms.getTerms(searcher.getIndexReader(), LuceneRecords.CONTAINER_TAG);
            if (tags == null) {
                return counts;
            }
            // one count per distinct tag of the index (all tenants): tags are few next to documents
            TermsEnum it = tags.iterator();
            for (BytesRef tag = it.next(); tag != null; tag = it.next()) {
                Query query = new BooleanQuery.Builder()
                        .add(new TermQuery(LuceneRecords.kind(LuceneRecords.DOCUMENT)), Occur.FILTER)
                        .add(new TermQuery(new Term(LuceneRecords.TENANT, tenant)), Occur.FILTER)
                        .add(new TermQuery(new Term(LuceneRecords.CONTAINER_TAG, BytesRef.deepCopyOf(tag))),
                                Occur.FILTER)
                        .build();
                int count = searcher.count(query);
                if (count > 0) {
                    counts.put(tag.utf8ToString(), (long) count);
                }
            }
            return counts;
        });
    }

    @Override
    public void putBlob(String tenant, String documentId, byte[] content) {
        blobs.put(tenant, documentId, content);
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public Optional<StoredDocument> getDocument(String tenant, String id) {
        return Optional.ofNullable(currentDocument(tenant, id));
    }

    @Override
    public Optional<StoredDocument> findByCustomId(String tenant, String customId) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(LuceneRecords.kind(LuceneRecords.DOCUMENT)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneRecords.TENANT, tenant)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneRecords.CUSTOM_ID, customId)), Occur.FILTER)
                .build();
        // pending writes first (see PendingWrites); they replace what the searcher has of the same documents
        Map<String, PendingWrites.Entry> overrides = pending.snapshot();
        List<StoredDocument> candidates = new ArrayList<>();
        overrides.values().stream()
                .filter(e -> !e.deleted() && e.document().tenant().equals(tenant)
                        && customId.equals(e.document().customId()))
                .forEach(e -> candidates.add(inFlight.apply(e.document())));
        read(searcher -> searchAll(searcher, query, null)).stream()
                .filter(d -> !overrides.containsKey(ownerOf(d).text()))
                .forEach(candidates::add);
        // custom ids are unique per tenant; should two ever share one, the most recently updated wins
        return candidates.stream().max(Comparator.comparingLong(d -> LuceneRecords.sortKey(d.updatedAt())));
    }

    @Override
    public List<Chunk> getChunks(String tenant, String documentId) {
        return currentChunks(tenant, documentId);
    }

    @Override
    public Page<StoredDocument> listDocuments(Scope scope, MetadataFilter filter, DocumentSort sort, int offset,
                                              int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        Query query = scoped(LuceneRecords.DOCUMENT, scope, filter, null);
        return query(searcher -> {
            int total = searcher.count(query);
            if (limit == 0 || offset >= total) {
                return new Page<>(List.<StoredDocument>of(), total);
            }
            int wanted = (int) Math.min((long) offset + limit, total);
            ScoreDoc[] hits = searcher.search(query, wanted, luceneSort(sort)).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<StoredDocument> items = new ArrayList<>(hits.length - offset);
            for (int i = offset; i < hits.length; i++) {
                items.add(inFlight.apply(records.toDocument(stored.document(hits[i].doc))));
            }
            return new Page<>(items, total);
        });
    }

    @Override
    public List<StoredDocument> listUnfinished() {
        BooleanQuery.Builder unfinished = new BooleanQuery.Builder()
                .add(new TermQuery(LuceneRecords.kind(LuceneRecords.DOCUMENT)), Occur.FILTER);
        Arrays.stream(DocumentStatus.values()).filter(DocumentStatus::isFinal).forEach(status ->
                unfinished.add(new TermQuery(new Term(LuceneRecords.STATUS, status.wire())), Occur.MUST_NOT));
        // as in findByCustomId, pending writes replace what the searcher has, so no reopen is needed: this is polled
        // while documents are processed, and a reopen per poll flushed a tiny segment (more merges) every time
        Map<String, PendingWrites.Entry> overrides = pending.snapshot();
        List<StoredDocument> found = new ArrayList<>();
        overrides.values().stream()
                .filter(e -> !e.deleted() && !e.document().status().isFinal())
                .forEach(e -> found.add(inFlight.apply(e.document())));
        read(searcher -> searchAll(searcher, unfinished.build(), null)).stream()
                .filter(d -> !overrides.containsKey(ownerOf(d).text()))
                .forEach(found::add);
        found.sort(Comparator.comparing(StoredDocument::createdAt).thenComparing(StoredDocument::id));
        return found;
    }

    @Override
    public List<ChunkHit> searchText(Scope scope, String query, MetadataFilter filter, String documentId, int k) {
        if (query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        Query text = TextAnalysis.query(index.analyzer(), LuceneRecords.TEXT, query);
        if (text == null) {
            return List.of(); // only stop words
        }
        Query search = new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(searchableChunks(scope, filter, documentId), Occur.FILTER)
                .build();
        return query(searcher -> hits(searcher, searcher.search(search, k)));
    }

    @Override
    public List<ChunkHit> searchVector(Scope scope, float[] vector, MetadataFilter filter, String documentId, int k) {
        if (vector == null || vector.length == 0 || k <= 0) {
            return List.of();
        }
        ChunkVectors.checkDimension(vector, dimension);
        Query search = new KnnFloatVectorQuery(LuceneRecords.VECTOR, ChunkVectors.unit(vector), k,
                searchableChunks(scope, filter, documentId));
        // DOT_PRODUCT scores unit vectors as (1 + cosine) / 2; rounding can land a hair outside [0,1]
        return query(searcher -> hits(searcher, searcher.search(search, k)).stream()
                .map(hit -> new ChunkHit(hit.chunk(), hit.containerTag(), Math.min(1f, Math.max(0f, hit.score()))))
                .toList());
    }

    @Override
    public Optional<byte[]> getBlob(String tenant, String documentId) {
        return blobs.get(tenant, documentId);
    }

    // ---- coordination records -----------------------------------------------------------------------------------

    @Override
    public Optional<StateRecord> getState(String key) {
        return Optional.ofNullable(states.get(requireKey(key)));
    }

    @Override
    public Optional<StateRecord> compareAndSetState(String key, String value, long expectedVersion) {
        requireKey(key);
        Objects.requireNonNull(value, "state value");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must not be negative: " + expectedVersion);
        }
        return write(true, () -> {
            StateRecord current = states.get(key);
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expectedVersion) {
                return Written.nothing(Optional.<StateRecord>empty());
            }
            StateRecord next = new StateRecord(key, value, expectedVersion + 1);
            long seqNo = writer.updateDocument(LuceneRecords.stateKey(key), LuceneRecords.stateRecord(next));
            index.log(WriteAheadLog.encode(new WriteAheadLog.PutState(next), records), seqNo);
            states.put(key, next);
            index.written(seqNo);
            return new Written<>(Optional.of(next), seqNo);
        });
    }

    @Override
    public List<StateRecord> listState(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return states.tailMap(prefix, true).values().stream()
                .takeWhile(state -> state.key().startsWith(prefix))
                .toList();
    }

    @Override
    public boolean deleteState(String key) {
        requireKey(key);
        return write(true, () -> {
            if (!states.containsKey(key)) {
                return Written.nothing(false);
            }
            long seqNo = writer.deleteDocuments(LuceneRecords.stateKey(key));
            index.log(WriteAheadLog.encode(new WriteAheadLog.DeleteState(key), records), seqNo);
            states.remove(key);
            index.written(seqNo);
            return new Written<>(true, seqNo);
        });
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("state key must not be empty");
        }
        return key;
    }

    @Override
    public long chunkCount() {
        return query(searcher -> (long) searcher.count(new TermQuery(LuceneRecords.kind(LuceneRecords.CHUNK))));
    }

    /**
     * Commits the index, non-final status updates included, then drops the log it no longer needs, and releases
     * everything. Idempotent.
     */
    @Override
    public void close() {
        index.close();
    }

    /** Log fsyncs done since opening: lets tests see which writes wait for one. */
    long syncCount() {
        return index.syncCount();
    }

    /** Forces a checkpoint now: lets tests exercise it. */
    void checkpointNow() {
        index.checkpoint();
    }

    /** Index operations so far (each bumps the writer's sequence number): lets tests see what skips the index. */
    long indexWrites() {
        return index.lastSeqNo();
    }

    /** Documents with an in-memory in-between status: lets tests see that finished ones are forgotten. */
    int inFlightCount() {
        return inFlight.size();
    }

    /** Writes not yet in the published searcher: lets tests see that they stay bounded. */
    int pendingWrites() {
        return pending.size();
    }

    // ---- write machinery ----------------------------------------------------------------------------------------

    /**
     * Runs a check-and-write step (see {@link LuceneIndex#write}). The step's lookups go through
     * {@link #currentDocument} and {@link #currentChunks}, which see every earlier write.
     */
    private <T> T write(boolean durable, LuceneIndex.WriteStep<T> step) {
        return index.write(durable, step);
    }

    /** Applies a replayed log entry to the index, the same way the write that logged it did. */
    private void apply(IndexWriter target, WriteAheadLog.Entry entry) throws IOException {
        if (entry instanceof WriteAheadLog.Put put) {
            target.updateDocuments(ownerOf(put.document()), records.block(put.document(), put.chunks()));
        } else if (entry instanceof WriteAheadLog.PutAll putAll) {
            for (WriteAheadLog.Put put : putAll.puts()) {
                apply(target, put);
            }
        } else if (entry instanceof WriteAheadLog.PutState putState) {
            target.updateDocument(LuceneRecords.stateKey(putState.state().key()),
                    LuceneRecords.stateRecord(putState.state()));
        } else if (entry instanceof WriteAheadLog.DeleteState deleteState) {
            target.deleteDocuments(LuceneRecords.stateKey(deleteState.key()));
        } else {
            WriteAheadLog.Delete delete = (WriteAheadLog.Delete) entry;
            target.deleteDocuments(owners(delete.tenant(), delete.ids()));
        }
    }

    /** A read that runs a query: it needs a searcher with every write that returned before it started. */
    private <T> T query(LuceneIndex.ReadStep<T> step) {
        return index.query(step);
    }

    /** The latest state of a document. Pending writes first: see {@link PendingWrites} for why the order matters. */
    private StoredDocument currentDocument(String tenant, String id) {
        StoredDocument inPipeline = inFlight.get(tenant, id);
        return inPipeline != null ? inPipeline : durableDocument(tenant, id);
    }

    /** The latest durable state of a document, without its in-memory status. */
    private StoredDocument durableDocument(String tenant, String id) {
        PendingWrites.Entry entry = pending.get(tenant, id);
        return entry != null ? entry.document() : read(searcher -> load(searcher, tenant, id));
    }

    /** The latest chunks of a document, ordered by position; pending writes first, as in {@link #currentDocument}. */
    private List<Chunk> currentChunks(String tenant, String id) {
        PendingWrites.Entry entry = pending.get(tenant, id);
        return entry != null ? entry.chunks() : read(searcher -> loadChunks(searcher, tenant, id));
    }

    private <T> T read(LuceneIndex.ReadStep<T> step) {
        return index.read(step);
    }

    /** Replaces the document's record and all its chunk records in one atomic index operation. */
    private long writeBlock(StoredDocument document, List<Chunk> chunks) throws IOException {
        List<Chunk> ordered = sorted(chunks);
        long seqNo = writer.updateDocuments(ownerOf(document), records.block(document, ordered));
        index.log(WriteAheadLog.encode(new WriteAheadLog.Put(document, ordered), records), seqNo);
        written(document, ordered, seqNo);
        return seqNo;
    }

    /** Makes a logged block visible to lookups by id. */
    private void written(StoredDocument document, List<Chunk> chunks, long seqNo) {
        pending.written(document, chunks, seqNo);
        inFlight.written(document);
        index.written(seqNo);
    }

    private static List<Chunk> sorted(List<Chunk> chunks) {
        return chunks.stream().sorted(Comparator.comparingInt(Chunk::position)).toList();
    }

    /** Deletes documents and their chunks in one atomic index operation. */
    private long deleteBlocks(String tenant, List<String> ids) throws IOException {
        long seqNo = writer.deleteDocuments(owners(tenant, ids));
        index.log(WriteAheadLog.encode(new WriteAheadLog.Delete(tenant, ids), records), seqNo);
        ids.forEach(id -> {
            pending.deleted(tenant, id, seqNo);
            inFlight.deleted(tenant, id);
        });
        index.written(seqNo);
        return seqNo;
    }

    private static Term[] owners(String tenant, List<String> ids) {
        return ids.stream().map(id -> LuceneRecords.owner(tenant, id)).toArray(Term[]::new);
    }

    private static Term ownerOf(StoredDocument document) {
        Objects.requireNonNull(document.tenant(), "document tenant");
        Objects.requireNonNull(document.id(), "document id");
        return LuceneRecords.owner(document.tenant(), document.id());
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private StoredDocument load(IndexSearcher searcher, String tenant, String id) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(LuceneRecords.owner(tenant, id)), Occur.FILTER)
                .add(new TermQuery(LuceneRecords.kind(LuceneRecords.DOCUMENT)), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, 1);
        return top.scoreDocs.length == 0 ? null
                : records.toDocument(searcher.storedFields().document(top.scoreDocs[0].doc));
    }

    private static List<Chunk> loadChunks(IndexSearcher searcher, String tenant, String documentId)
            throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(LuceneRecords.owner(tenant, documentId)), Occur.FILTER)
                .add(new TermQuery(LuceneRecords.kind(LuceneRecords.CHUNK)), Occur.FILTER)
                .build();
        int count = searcher.count(query);
        if (count == 0) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        List<Chunk> chunks = new ArrayList<>(count);
        for (ScoreDoc hit : searcher.search(query, count).scoreDocs) {
            chunks.add(LuceneRecords.toChunk(stored.document(hit.doc)));
        }
        chunks.sort(Comparator.comparingInt(Chunk::position));
        return chunks;
    }

    /** Every document record the query matches, in the given order (null: index order). */
    private List<StoredDocument> searchAll(IndexSearcher searcher, Query query, Sort sort) throws IOException {
        int count = searcher.count(query);
        if (count == 0) {
            return List.of();
        }
        TopDocs top = sort == null ? searcher.search(query, count) : searcher.search(query, count, sort);
        StoredFields stored = searcher.storedFields();
        List<StoredDocument> documents = new ArrayList<>(count);
        for (ScoreDoc hit : top.scoreDocs) {
            documents.add(inFlight.apply(records.toDocument(stored.document(hit.doc))));
        }
        return documents;
    }

    private static List<ChunkHit> hits(IndexSearcher searcher, TopDocs top) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Document chunk = stored.document(hit.doc);
            hits.add(new ChunkHit(LuceneRecords.toChunk(chunk), LuceneRecords.containerTag(chunk), hit.score));
        }
        return hits;
    }

    private static Query searchableChunks(Scope scope, MetadataFilter filter, String documentId) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(scoped(LuceneRecords.CHUNK, scope, filter, documentId), Occur.FILTER)
                .add(new TermQuery(LuceneRecords.searchable()), Occur.FILTER);
        return query.build();
    }

    /** Records of one kind inside the scope, matching the filter and, when given, belonging to one document. */
    private static Query scoped(String kind, Scope scope, MetadataFilter filter, String documentId) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(LuceneRecords.kind(kind)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneRecords.TENANT, scope.tenant())), Occur.FILTER);
        if (!scope.containerTags().isEmpty()) {
            query.add(anyOf(LuceneRecords.CONTAINER_TAG, scope.containerTags()), Occur.FILTER);
        }
        if (documentId != null) {
            query.add(new TermQuery(LuceneRecords.owner(scope.tenant(), documentId)), Occur.FILTER);
        }
        if (filter != null) {
            query.add(LuceneFilterQueries.toQuery(filter), Occur.FILTER);
        }
        return query.build();
    }

    private static Query anyOf(String field, Collection<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    private static Sort luceneSort(DocumentSort sort) {
        DocumentSort effective = sort == null ? DocumentSort.NEWEST_FIRST : sort;
        String field = effective.field() == DocumentSort.Field.UPDATED_AT
                ? LuceneRecords.UPDATED_AT : LuceneRecords.CREATED_AT;
        return new Sort(new SortField(field, SortField.Type.LONG, effective.descending()),
                new SortField(LuceneRecords.ID_SORT, SortField.Type.STRING, effective.descending()));
    }
}
