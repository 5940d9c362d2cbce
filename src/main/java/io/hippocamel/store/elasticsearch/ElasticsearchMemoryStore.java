package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
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
import io.hippocamel.store.elasticsearch.EsRecords.BlobSource;
import io.hippocamel.store.elasticsearch.EsRecords.ChunkSource;
import io.hippocamel.store.elasticsearch.EsRecords.DocumentSource;
import io.hippocamel.store.elasticsearch.EsRecords.StateSource;
import static io.hippocamel.store.elasticsearch.EsCalls.call;
import static io.hippocamel.store.elasticsearch.EsCalls.failure;
import static io.hippocamel.store.elasticsearch.EsCalls.isConflict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared {@link MemoryStore}: several Hippocamel servers on one Elasticsearch cluster (layout in
 * {@link EsRecords}, indices in {@link EsIndices}).
 *
 * <ul>
 *   <li><b>Atomic documents.</b> A document and its chunks are one Elasticsearch document (chunks nested), so every
 *       write replaces both at once and no copy of metadata, tag or status can disagree with its chunks. Chunks are
 *       searchable while the document's status is {@code done}: search filters on the parent's status.</li>
 *   <li><b>Compare-and-set.</b> Every check-and-write reads the document (real-time GET) and writes it back with
 *       {@code if_seq_no}/{@code if_primary_term} (or {@code op_type=create}); when another writer, in this server or
 *       another one, got there first, it reads again. A completion racing a delete therefore never resurrects the
 *       document nor leaves orphan chunks.</li>
 *   <li><b>Visibility.</b> Lookups by id are real-time. Queries (search, listings, counts) refresh the documents
 *       index first when this server wrote since the last refresh, instead of refreshing on every write (each refresh
 *       makes a segment); writes of other servers become searchable within the index refresh interval (1 s).
 *       Recovery listings and customId lookups always refresh.</li>
 *   <li><b>Durability.</b> Elasticsearch acknowledges a write after its translog is fsynced (the default
 *       {@code index.translog.durability: request}).</li>
 *   <li><b>Batches.</b> {@link #putDocuments} first writes the batch to the journal ({@link EsBatchJournal}), then
 *       its documents, then forgets it. A batch its writer left unfinished (it died, or the cluster failed mid-bulk)
 *       is completed by any server once the writer's hold on it expired: when a store opens and on every
 *       {@link #listUnfinished} (recovery's periodic check), so its documents get processed like other unfinished
 *       ones.</li>
 *   <li><b>Text.</b> Analysed here ({@link EsText}), so BM25 sees the Lucene store's terms on any cluster.</li>
 * </ul>
 */
public final class ElasticsearchMemoryStore implements MemoryStore {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchMemoryStore.class);
    /** How long a batch's writer holds its journal record before others may complete it, unless told otherwise. */
    private static final Duration DEFAULT_BATCH_HOLD = Duration.ofMinutes(5);
    private static final int PAGE = 1_000;
    /** Most container tags one tenant lists; beyond it the counts of the rarest tags are left out. */
    private static final int MAX_TAGS = 10_000;
    private static final List<String> FINAL_STATUSES = Arrays.stream(DocumentStatus.values())
            .filter(DocumentStatus::isFinal).map(DocumentStatus::wire).toList();

    private final ElasticsearchClient client;
    private final EsIndices indices;
    private final int dimension;
    private final BulkIngester<CompletableFuture<BulkOutcome>> ingester;
    /** Writes to the documents index done by this server; the refresh below covers those up to refreshedUpTo. */
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong refreshedUpTo = new AtomicLong();
    private final Object refreshLock = new Object();
    private final EsBatchJournal journal;
    private final Duration batchHold;
    private final Clock clock;
    /** Test seam: runs between journaling a batch and writing its documents (a crash there is what replay is for). */
    private volatile Runnable afterBatchJournaled = () -> { };

    /** Opens the store on the cluster behind {@code client}, creating its indices when missing. */
    public ElasticsearchMemoryStore(ElasticsearchClient client, EsIndices indices, int dimension) {
        this(client, indices, dimension, DEFAULT_BATCH_HOLD, Clock.systemUTC());
    }

    /**
     * Opens the store and completes batches other writers left unfinished.
     *
     * @param batchHold how long after journaling a batch its writer may still be writing its documents: longer
     *                  than a batch takes to write (other servers complete it after that, as if its writer died)
     */
    public ElasticsearchMemoryStore(ElasticsearchClient client, EsIndices indices, int dimension, Duration batchHold,
                                    Clock clock) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.client = Objects.requireNonNull(client, "client");
        this.indices = indices;
        this.dimension = dimension;
        indices.ensure(client, dimension);
        this.ingester = BulkIngester.of(b -> b.client(client).maxOperations(500).maxConcurrentRequests(2)
                .listener(new BulkOutcome.Listener()));
        this.journal = new EsBatchJournal(client, indices);
        this.batchHold = Objects.requireNonNull(batchHold, "batchHold");
        this.clock = Objects.requireNonNull(clock, "clock");
        completeAbandonedBatches();
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Override
    public void putDocument(StoredDocument document) {
        modify(document.tenant(), document.id(), current -> new Change<>(replacement(document, current), null));
    }

    @Override
    public void putDocuments(Collection<StoredDocument> documents) {
        // the last of several versions of one document wins, as if they were put one after the other
        Map<String, StoredDocument> latest = new LinkedHashMap<>();
        documents.forEach(d -> latest.put(owner(d), d));
        if (latest.size() <= 1) {
            latest.values().forEach(this::putDocument);
            return;
        }
        // the commit point: once the journal holds the batch, it is completed even if this server dies mid-bulk (and
        // when the bulk fails, the record stays for recovery to complete)
        List<String> records = call(() -> journal.write(latest.values(), clock.instant().plus(batchHold)));
        afterBatchJournaled.run();
        // one multi-get and one bulk of compare-and-set writes; a document whose write lost a race is redone alone
        List<String> ids = List.copyOf(latest.keySet());
        List<MultiGetResponseItem<DocumentSource>> current = call(() -> client.mget(m -> m
                .index(indices.documents()).ids(ids), DocumentSource.class)).docs();
        List<CompletableFuture<BulkOutcome>> outcomes = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            var got = current.get(i).result();
            Current existing = got.found() ? new Current(got.source(), got.seqNo(), got.primaryTerm()) : null;
            DocumentSource next = replacement(latest.get(ids.get(i)), existing);
            String id = ids.get(i);
            CompletableFuture<BulkOutcome> outcome = new CompletableFuture<>();
            ingester.add(existing == null
                    ? BulkOperation.of(op -> op.create(x -> x.index(indices.documents()).id(id).document(next)))
                    : BulkOperation.of(op -> op.index(x -> x.index(indices.documents()).id(id).document(next)
                            .ifSeqNo(existing.seqNo()).ifPrimaryTerm(existing.primaryTerm()))), outcome);
            outcomes.add(outcome);
        }
        ingester.flush();
        List<StoredDocument> redo = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            BulkOutcome outcome = await(outcomes.get(i));
            if (outcome.conflict()) {
                redo.add(latest.get(ids.get(i)));
            } else if (outcome.error() != null) {
                throw new IllegalStateException("cannot store document " + ids.get(i) + ": " + outcome.error());
            }
        }
        writes.incrementAndGet();
        redo.forEach(this::putDocument);
        try {
            journal.delete(records);
        } catch (IOException | RuntimeException e) {
            // the batch is stored: a leftover record is only replayed as a no-op later, so the caller still succeeds
            LOG.warn("batch of {} documents stored but its journal record {} stays: {}", ids.size(), records.get(0),
                    e.toString());
        }
    }

    /** Test seam: {@code hook} runs in {@link #putDocuments} after the batch is journaled, before its documents. */
    void afterBatchJournaled(Runnable hook) {
        afterBatchJournaled = hook;
    }

    /**
     * Writes the documents of journaled batches whose writer's hold expired, then forgets them. A document already
     * stored at the batch's version or a newer one is left alone, so replaying twice, or racing the writer, changes
     * nothing. Returns how many documents it wrote. A failure is logged: the next call tries again.
     */
    int completeAbandonedBatches() {
        Instant now = clock.instant();
        int written = 0;
        try {
            for (String id : call(() -> journal.expired(now))) {
                Optional<EsBatchJournal.Batch> batch = call(() -> journal.read(id));
                if (batch.isEmpty()) {
                    continue; // another server completed it meanwhile
                }
                if (!batch.get().missingParts().isEmpty()) {
                    LOG.error("batch {} misses journal parts {}: completing the {} documents found", id,
                            batch.get().missingParts(), batch.get().documents().size());
                }
                int restored = 0;
                for (StoredDocument document : batch.get().documents()) {
                    restored += restore(document) ? 1 : 0;
                }
                call(() -> {
                    journal.delete(batch.get().records());
                    return null;
                });
                LOG.warn("completed batch {} of {} documents left unfinished by writer {}: {} written now", id,
                        batch.get().documents().size(), batch.get().writer(), restored);
                written += restored;
            }
            call(() -> journal.deleteOrphanParts(now));
        } catch (RuntimeException e) {
            LOG.warn("cannot complete unfinished batches now: {}", e.toString());
        }
        return written;
    }

    /** Stores a journaled document unless it is stored at its version or a newer one; returns whether it wrote. */
    private boolean restore(StoredDocument document) {
        return modify(document.tenant(), document.id(), current ->
                current != null && current.document().version() >= document.version()
                        ? new Change<>(null, false) : new Change<>(replacement(document, current), true));
    }

    @Override
    public boolean updateStatus(String tenant, String id, long expectedVersion, DocumentStatus status, String error) {
        return modify(tenant, id, current -> {
            if (current == null || current.document().version() != expectedVersion) {
                return new Change<>(null, false);
            }
            StoredDocument next = current.document().withStatus(status, error, Instant.now());
            return new Change<>(DocumentSource.of(next, current.source().chunkList()), true);
        });
    }

    @Override
    public boolean completeDocument(StoredDocument document, List<Chunk> chunks) {
        chunks.forEach(chunk -> ChunkVectors.validate(document, chunk, dimension));
        List<ChunkSource> sources = chunks.stream().map(ChunkVectors::withUnitVector).map(ChunkSource::of).toList();
        DocumentSource next = DocumentSource.of(document, sources);
        return modify(document.tenant(), document.id(), current ->
                current == null || current.document().version() != document.version()
                        ? new Change<>(null, false) : new Change<>(next, true));
    }

    @Override
    public boolean deleteDocument(String tenant, String id) {
        String owner = EsRecords.owner(tenant, id);
        Result result = call(() -> client.delete(d -> d.index(indices.documents()).id(owner))).result();
        writes.incrementAndGet();
        // after the document: a crash in between leaves an orphan file rather than a document without its upload
        call(() -> client.delete(d -> d.index(indices.blobs()).id(owner)));
        return result == Result.Deleted;
    }

    @Override
    public long deleteByContainerTags(String tenant, Collection<String> containerTags) {
        if (containerTags.isEmpty()) {
            return 0;
        }
        refresh();
        Query query = Query.of(q -> q.bool(b -> b
                .filter(EsFilterQueries.term(EsRecords.TENANT, tenant))
                .filter(anyOf(EsRecords.CONTAINER_TAG, containerTags))));
        List<String> owners = new ArrayList<>();
        scan(query, hit -> owners.add(hit.id()));
        long deleted = 0;
        for (int from = 0; from < owners.size(); from += PAGE) {
            List<String> page = owners.subList(from, Math.min(owners.size(), from + PAGE));
            deleted += call(() -> client.bulk(b -> b.operations(page.stream()
                    .map(id -> BulkOperation.of(op -> op.delete(d -> d.index(indices.documents()).id(id))))
                    .toList()))).items().stream().filter(item -> "deleted".equals(item.result())).count();
            writes.incrementAndGet();
            call(() -> client.bulk(b -> b.operations(page.stream()
                    .map(id -> BulkOperation.of(op -> op.delete(d -> d.index(indices.blobs()).id(id))))
                    .toList())));
        }
        return deleted;
    }

    @Override
    public void putBlob(String tenant, String documentId, byte[] content) {
        call(() -> client.index(i -> i.index(indices.blobs()).id(EsRecords.owner(tenant, documentId))
                .document(new BlobSource(tenant, content))));
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public Optional<StoredDocument> getDocument(String tenant, String id) {
        GetResponse<DocumentSource> got = call(() -> client.get(g -> g.index(indices.documents())
                .id(EsRecords.owner(tenant, id)).sourceIncludes(EsRecords.JSON), DocumentSource.class));
        return got.found() ? Optional.of(got.source().document()) : Optional.empty();
    }

    @Override
    public Optional<StoredDocument> findByCustomId(String tenant, String customId) {
        refresh(); // another server may have just taken this customId
        SearchResponse<DocumentSource> found = call(() -> client.search(s -> s.index(indices.documents())
                .query(q -> q.bool(b -> b.filter(EsFilterQueries.term(EsRecords.TENANT, tenant))
                        .filter(EsFilterQueries.term(EsRecords.CUSTOM_ID, customId))))
                // custom ids are unique per tenant; should two ever share one, the most recently updated wins
                .sort(o -> o.field(f -> f.field(EsRecords.UPDATED_AT).order(SortOrder.Desc)))
                .size(1).source(src -> src.filter(f -> f.includes(EsRecords.JSON))), DocumentSource.class));
        return found.hits().hits().stream().findFirst().map(hit -> hit.source().document());
    }

    @Override
    public List<Chunk> getChunks(String tenant, String documentId) {
        GetResponse<DocumentSource> got = call(() -> client.get(g -> g.index(indices.documents())
                .id(EsRecords.owner(tenant, documentId)).sourceIncludes(EsRecords.CHUNKS), DocumentSource.class));
        if (!got.found()) {
            return List.of();
        }
        return got.source().chunkList().stream().map(ChunkSource::chunk)
                .sorted(Comparator.comparingInt(Chunk::position)).toList();
    }

    @Override
    public Page<StoredDocument> listDocuments(Scope scope, MetadataFilter filter, DocumentSort sort, int offset,
                                              int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if ((long) offset + limit > EsIndices.MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("offset + limit must not exceed " + EsIndices.MAX_RESULT_WINDOW);
        }
        DocumentSort effective = sort == null ? DocumentSort.NEWEST_FIRST : sort;
        String field = effective.field() == DocumentSort.Field.UPDATED_AT ? EsRecords.UPDATED_AT : EsRecords.CREATED_AT;
        SortOrder order = effective.descending() ? SortOrder.Desc : SortOrder.Asc;
        ensureFresh();
        SearchResponse<DocumentSource> found = call(() -> client.search(s -> s.index(indices.documents())
                .query(q -> q.bool(b -> b.filter(scopeFilters(scope, filter, null, false))))
                .sort(o -> o.field(f -> f.field(field).order(order)))
                .sort(o -> o.field(f -> f.field(EsRecords.DOC_ID).order(order)))
                .from(offset).size(limit).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.includes(EsRecords.JSON))), DocumentSource.class));
        List<StoredDocument> items = found.hits().hits().stream().map(hit -> hit.source().document()).toList();
        return new Page<>(items, found.hits().total() == null ? items.size() : found.hits().total().value());
    }

    @Override
    public Map<String, Long> countByContainerTag(String tenant) {
        ensureFresh();
        SearchResponse<Void> found = call(() -> client.search(s -> s.index(indices.documents()).size(0)
                .query(q -> q.bool(b -> b.filter(scopeFilters(Scope.allTags(tenant), null, null, false))))
                .aggregations("tags", a -> a.terms(t -> t.field(EsRecords.CONTAINER_TAG).size(MAX_TAGS))),
                Void.class));
        Map<String, Long> counts = new TreeMap<>();
        for (StringTermsBucket bucket : found.aggregations().get("tags").sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    @Override
    public List<StoredDocument> listUnfinished() {
        completeAbandonedBatches(); // their documents are unfinished too
        refresh(); // recovery must see what every server accepted
        Query unfinished = Query.of(q -> q.bool(b -> b.mustNot(anyOf(EsRecords.STATUS, FINAL_STATUSES))));
        List<StoredDocument> documents = new ArrayList<>();
        scan(unfinished, hit -> documents.add(hit.source().document()));
        return documents;
    }

    @Override
    public List<ChunkHit> searchText(Scope scope, String query, MetadataFilter filter, String documentId, int k) {
        Map<String, Integer> terms = EsSearches.queryTerms(query, k);
        if (terms.isEmpty()) {
            return List.of();
        }
        int size = Math.min(k, EsIndices.MAX_HITS);
        List<Query> clauses = EsSearches.termClauses(EsRecords.CHUNK_TERMS, terms);
        // a document scores as its best chunk, so the best k chunks are among the inner hits of the best k documents
        Query chunks = Query.of(q -> q.nested(n -> n.path(EsRecords.CHUNKS).scoreMode(ChildScoreMode.Max)
                .query(c -> c.bool(b -> b.should(clauses)))
                .innerHits(ih -> ih.size(size).source(src -> src.filter(f -> f.excludes(EsRecords.CHUNK_TERMS))))));
        ensureFresh();
        return chunkHits(call(() -> client.search(s -> s.index(indices.documents())
                .query(q -> q.bool(b -> b.must(chunks).filter(scopeFilters(scope, filter, documentId, true))))
                .size(size).source(src -> src.filter(f -> f.includes(EsRecords.CONTAINER_TAG))),
                DocumentSource.class)), size).stream()
                .map(hit -> new ChunkHit(hit.chunk(), hit.containerTag(),
                        hit.score() / EsSearches.BM25_CONSTANT_FACTOR))
                .toList();
    }

    @Override
    public List<ChunkHit> searchVector(Scope scope, float[] vector, MetadataFilter filter, String documentId, int k) {
        if (vector == null || vector.length == 0 || k <= 0) {
            return List.of();
        }
        ChunkVectors.checkDimension(vector, dimension);
        int size = Math.min(k, EsIndices.MAX_HITS);
        List<Float> query = EsSearches.queryVector(vector);
        // nested kNN ranks documents by their best chunk, so as for text the best k chunks are in the inner hits
        ensureFresh();
        SearchResponse<DocumentSource> found = call(() -> client.search(s -> s.index(indices.documents())
                .knn(kn -> kn.field(EsRecords.CHUNK_VECTOR).queryVector(query).k(size)
                        .numCandidates(EsSearches.numCandidates(size))
                        .filter(scopeFilters(scope, filter, documentId, true))
                        .innerHits(ih -> ih.size(size)
                                .source(src -> src.filter(f -> f.excludes(EsRecords.CHUNK_TERMS)))))
                .size(size).source(src -> src.filter(f -> f.includes(EsRecords.CONTAINER_TAG))),
                DocumentSource.class));
        // cosine similarity scores (1 + cosine) / 2; rounding can land a hair outside [0,1]
        return chunkHits(found, size).stream()
                .map(hit -> new ChunkHit(hit.chunk(), hit.containerTag(), Math.min(1f, Math.max(0f, hit.score()))))
                .toList();
    }

    @Override
    public Optional<byte[]> getBlob(String tenant, String documentId) {
        GetResponse<BlobSource> got = call(() -> client.get(g -> g.index(indices.blobs())
                .id(EsRecords.owner(tenant, documentId)), BlobSource.class));
        return got.found() ? Optional.of(got.source().content()) : Optional.empty();
    }

    @Override
    public long chunkCount() {
        ensureFresh();
        SearchResponse<Void> found = call(() -> client.search(s -> s.index(indices.documents()).size(0)
                .aggregations("chunks", a -> a.sum(sum -> sum.field(EsRecords.CHUNK_TOTAL))), Void.class));
        return Math.round(found.aggregations().get("chunks").sum().value());
    }

    // ---- coordination records -----------------------------------------------------------------------------------

    @Override
    public Optional<StateRecord> getState(String key) {
        GetResponse<StateSource> got = call(() -> client.get(g -> g.index(indices.state()).id(key),
                StateSource.class));
        return got.found() ? Optional.of(toRecord(got.source())) : Optional.empty();
    }

    @Override
    public Optional<StateRecord> compareAndSetState(String key, String value, long expectedVersion) {
        GetResponse<StateSource> got = call(() -> client.get(g -> g.index(indices.state()).id(key),
                StateSource.class));
        long stored = got.found() ? got.source().version() : 0;
        if (stored != expectedVersion) {
            return Optional.empty();
        }
        StateSource next = new StateSource(key, value, expectedVersion + 1);
        try {
            client.index(i -> {
                i.index(indices.state()).id(key).document(next);
                return got.found() ? i.ifSeqNo(got.seqNo()).ifPrimaryTerm(got.primaryTerm()) : i.opType(OpType.Create);
            });
            return Optional.of(toRecord(next));
        } catch (ElasticsearchException | IOException e) {
            if (isConflict(e)) {
                return Optional.empty(); // another writer got there first
            }
            throw failure("cannot write state " + key, e);
        }
    }

    @Override
    public List<StateRecord> listState(String prefix) {
        call(() -> client.indices().refresh(r -> r.index(indices.state())));
        List<StateRecord> records = new ArrayList<>();
        List<FieldValue> after = new ArrayList<>();
        while (true) {
            SearchResponse<StateSource> page = call(() -> client.search(s -> {
                s.index(indices.state()).query(q -> q.prefix(p -> p.field("key").value(prefix)))
                        .sort(o -> o.field(f -> f.field("key").order(SortOrder.Asc))).size(PAGE);
                return after.isEmpty() ? s : s.searchAfter(after);
            }, StateSource.class));
            page.hits().hits().forEach(hit -> records.add(toRecord(hit.source())));
            if (page.hits().hits().size() < PAGE) {
                return records;
            }
            after.clear();
            after.addAll(page.hits().hits().get(PAGE - 1).sort());
        }
    }

    @Override
    public boolean deleteState(String key) {
        return call(() -> client.delete(d -> d.index(indices.state()).id(key))).result() == Result.Deleted;
    }

    private static StateRecord toRecord(StateSource source) {
        return new StateRecord(source.key(), source.value(), source.version());
    }

    /** Closes the bulk ingester (sending what it holds) and the connection. Idempotent. */
    @Override
    public void close() {
        ingester.close();
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Elasticsearch client", e);
        }
    }

    // ---- write machinery ----------------------------------------------------------------------------------------

    /** A stored document as read for a compare-and-set write. */
    private record Current(DocumentSource source, long seqNo, long primaryTerm) {
        StoredDocument document() {
            return source.document();
        }
    }

    /** What a write step decided: the new source (null: write nothing) and the result to return. */
    private record Change<T>(DocumentSource next, T result) {
    }

    /**
     * Reads a document, lets {@code step} decide, and writes the result only if nobody wrote the document meanwhile;
     * otherwise reads again and lets {@code step} decide again.
     */
    private <T> T modify(String tenant, String id, Function<Current, Change<T>> step) {
        Objects.requireNonNull(tenant, "document tenant");
        Objects.requireNonNull(id, "document id");
        String owner = EsRecords.owner(tenant, id);
        while (true) {
            GetResponse<DocumentSource> got = call(() -> client.get(g -> g.index(indices.documents()).id(owner),
                    DocumentSource.class));
            Current current = got.found() ? new Current(got.source(), got.seqNo(), got.primaryTerm()) : null;
            Change<T> change = step.apply(current);
            if (change.next() == null) {
                return change.result();
            }
            try {
                client.index(i -> {
                    i.index(indices.documents()).id(owner).document(change.next());
                    return current == null ? i.opType(OpType.Create)
                            : i.ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm());
                });
                writes.incrementAndGet();
                return change.result();
            } catch (ElasticsearchException | IOException e) {
                if (!isConflict(e)) {
                    throw failure("cannot write document " + id, e);
                }
                // another writer got there first: decide again on what it wrote
            }
        }
    }

    /** The new source for a put: keeps the stored chunks only when the version is unchanged. */
    private static DocumentSource replacement(StoredDocument document, Current current) {
        boolean sameVersion = current != null && current.document().version() == document.version();
        return DocumentSource.of(document, sameVersion ? current.source().chunkList() : List.of());
    }

    /** Refreshes the documents index if this server wrote since the last refresh (read-your-writes). */
    private void ensureFresh() {
        long written = writes.get();
        if (written <= refreshedUpTo.get()) {
            return;
        }
        synchronized (refreshLock) {
            if (written > refreshedUpTo.get()) {
                long upTo = writes.get();
                call(() -> client.indices().refresh(r -> r.index(indices.documents())));
                refreshedUpTo.accumulateAndGet(upTo, Math::max);
            }
        }
    }

    /** Refreshes the documents index unconditionally: also makes other servers' writes searchable. */
    private void refresh() {
        long upTo = writes.get();
        call(() -> client.indices().refresh(r -> r.index(indices.documents())));
        refreshedUpTo.accumulateAndGet(upTo, Math::max);
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    /** Tenant, container tags, document, metadata filter and (for chunk searches) status done. */
    private static List<Query> scopeFilters(Scope scope, MetadataFilter filter, String documentId,
                                            boolean searchableOnly) {
        List<Query> filters = new ArrayList<>();
        filters.add(EsFilterQueries.term(EsRecords.TENANT, scope.tenant()));
        if (!scope.containerTags().isEmpty()) {
            filters.add(anyOf(EsRecords.CONTAINER_TAG, scope.containerTags()));
        }
        if (documentId != null) {
            filters.add(EsFilterQueries.term(EsRecords.DOC_ID, documentId));
        }
        if (filter != null) {
            filters.add(EsFilterQueries.toQuery(filter));
        }
        if (searchableOnly) {
            filters.add(EsFilterQueries.term(EsRecords.STATUS, DocumentStatus.DONE.wire()));
        }
        return filters;
    }

    private static Query anyOf(String field, Collection<String> values) {
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    /** Every document matching {@code query}, oldest first, in pages (search_after), without chunks. */
    private void scan(Query query, java.util.function.Consumer<Hit<DocumentSource>> each) {
        List<FieldValue> after = new ArrayList<>();
        while (true) {
            SearchRequest request = SearchRequest.of(s -> {
                s.index(indices.documents()).query(query).size(PAGE)
                        .sort(o -> o.field(f -> f.field(EsRecords.CREATED_AT).order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field(EsRecords.DOC_ID).order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field(EsRecords.TENANT).order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.includes(EsRecords.JSON)));
                return after.isEmpty() ? s : s.searchAfter(after);
            });
            List<Hit<DocumentSource>> hits = call(() -> client.search(request, DocumentSource.class)).hits().hits();
            hits.forEach(each);
            if (hits.size() < PAGE) {
                return;
            }
            after.clear();
            after.addAll(hits.get(hits.size() - 1).sort());
        }
    }

    /** The inner hits (chunks) of every document hit, best first, at most {@code k}. */
    private static List<ChunkHit> chunkHits(SearchResponse<DocumentSource> found, int k) {
        List<ChunkHit> hits = new ArrayList<>();
        for (Hit<DocumentSource> document : found.hits().hits()) {
            String containerTag = document.source() == null ? null : document.source().containerTag();
            InnerHitsResult inner = document.innerHits().get(EsRecords.CHUNKS);
            if (inner == null) {
                continue;
            }
            for (Hit<JsonData> chunk : inner.hits().hits()) {
                ChunkSource source = chunk.source().to(ChunkSource.class);
                float score = chunk.score() == null ? 0f : chunk.score().floatValue();
                hits.add(new ChunkHit(source.chunk(), containerTag, score));
            }
        }
        hits.sort(Comparator.comparingDouble(ChunkHit::score).reversed());
        return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
    }

    private static String owner(StoredDocument document) {
        Objects.requireNonNull(document.tenant(), "document tenant");
        Objects.requireNonNull(document.id(), "document id");
        return EsRecords.owner(document.tenant(), document.id());
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a bulk write", e);
        } catch (ExecutionException e) {
            throw new UncheckedIOException("bulk write failed", new IOException(e.getCause()));
        }
    }
}
