package io.hippocamel.memory.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.IndexResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.memory.ForgetResult;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemoryHit;
import io.hippocamel.memory.MemoryIndexKeys;
import io.hippocamel.memory.MemorySelection;
import io.hippocamel.memory.MemoryWrites;
import io.hippocamel.memory.SourceRemoval;
import io.hippocamel.memory.elasticsearch.EsMemoryRecords.Source;
import io.hippocamel.store.ChunkVectors;
import io.hippocamel.store.elasticsearch.EsFilterQueries;
import io.hippocamel.store.elasticsearch.EsIndices;
import io.hippocamel.store.elasticsearch.EsSearches;
import io.hippocamel.store.elasticsearch.EsText;
import static io.hippocamel.store.elasticsearch.EsCalls.call;
import static io.hippocamel.store.elasticsearch.EsCalls.failure;
import static io.hippocamel.store.elasticsearch.EsCalls.isConflict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The shared {@link MemoryFactStore}: memories in the index {@code <prefix>-memories} of the store's cluster (layout
 * in {@link EsMemoryRecords}), next to the documents index.
 *
 * <ul>
 *   <li><b>Compare-and-set.</b> Check-and-writes read with a real-time GET and write back with
 *       {@code if_seq_no}/{@code if_primary_term}; when another writer (in this server or another one) got there
 *       first, they read again and decide again. A new version first flips its parent from latest to not latest
 *       that way, and only then is written: of concurrent updates of one fact exactly one wins the parent, the
 *       others are conflicts. Should writing the new version fail, the parent is flipped back; a server dying
 *       between the two writes leaves that chain without a latest version (the update was never acknowledged).</li>
 *   <li><b>Batches</b> are checked as a whole before anything is written; the memories are then one bulk request.
 *       Elasticsearch has no multi-document transactions, so a batch that fails half-way (cluster gone) may be half
 *       written; writes are by id, so retrying it is safe.</li>
 *   <li><b>Visibility.</b> Every write refreshes the index before returning ({@code refresh=true}), so the next
 *       search, on any server, finds it: the API promises memories are searchable at once, and memory writes are
 *       rare next to searches. Lookups by id are real-time.</li>
 *   <li><b>Text</b> is analysed here ({@link EsText}), as for chunks, so BM25 sees the Lucene store's terms.</li>
 * </ul>
 */
public final class ElasticsearchMemoryFactStore implements MemoryFactStore {

    private static final String SUFFIX = "memories";
    private static final int PAGE = 1_000;
    /** Tags one count returns at most. */
    private static final int MAX_TAGS = 10_000;

    private final ElasticsearchClient client;
    private final String index;
    private final int dimension;
    private final Clock clock;

    /** Opens the memories index on the cluster behind {@code client}, creating it when missing. */
    public ElasticsearchMemoryFactStore(ElasticsearchClient client, EsIndices indices, int dimension, Clock clock) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.client = Objects.requireNonNull(client, "client");
        this.dimension = dimension;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.index = indices.ensure(client, SUFFIX, EsMemoryRecords.mappings(dimension));
        checkDimension();
    }

    private void checkDimension() {
        var mapping = call(() -> client.indices().getMapping(m -> m.index(index)));
        mapping.result().values().forEach(found -> {
            Property vector = found.mappings().properties().get(EsMemoryRecords.VECTOR);
            Integer dims = vector.denseVector().dims();
            if (dims != null && dims != dimension) {
                throw new IllegalStateException("index " + index + " holds vectors of " + dims
                        + " dimensions but the embedder makes " + dimension
                        + ": use another hippocamel.store.elasticsearch.index-prefix");
            }
        });
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Override
    public void putAll(Collection<Memory> memories) {
        if (memories.isEmpty()) {
            return;
        }
        String tenant = memories.iterator().next().tenant();
        while (true) {
            Map<String, Stored> read = new HashMap<>();
            List<String> ids = new ArrayList<>();
            memories.forEach(m -> {
                ids.add(m.id());
                if (m.parentMemoryId() != null) {
                    ids.add(m.parentMemoryId());
                }
            });
            mget(tenant, ids).forEach(s -> read.put(s.memory().id(), s));
            MemoryWrites.Plan plan = MemoryWrites.plan(memories, id -> {
                Stored s = read.computeIfAbsent(id, missing -> getStored(tenant, missing));
                return s == null ? null : s.memory();
            }, dimension, clock.instant());
            Map<Memory, Stored> flipped = new LinkedHashMap<>(); // parent as it was -> as flipped
            boolean lostRace = false;
            for (Memory parent : plan.superseded()) {
                Stored before = read.get(parent.id());
                Stored after = casWrite(parent, before);
                if (after == null) {
                    lostRace = true;
                    break;
                }
                flipped.put(before.memory(), after);
            }
            if (lostRace) {
                undo(flipped);
                continue; // decide again on what the other writer wrote
            }
            try {
                bulkWrite(plan.memories());
                return;
            } catch (RuntimeException e) {
                undo(flipped);
                throw e;
            }
        }
    }

    @Override
    public ForgetResult forget(Scope scope, String id, String reason) {
        while (true) {
            Instant now = clock.instant();
            Stored current = getStored(scope.tenant(), id);
            if (current == null || !inScope(scope, current.memory())) {
                return new ForgetResult(ForgetResult.Outcome.NOT_FOUND, null);
            }
            Memory seen = current.memory().asSeenAt(now);
            if (seen.isForgotten()) {
                return new ForgetResult(ForgetResult.Outcome.ALREADY_FORGOTTEN, seen);
            }
            Memory forgotten = MemoryWrites.forgotten(current.memory(), reason, now);
            if (casWrite(forgotten, current) != null) {
                refresh();
                return new ForgetResult(ForgetResult.Outcome.FORGOTTEN, forgotten);
            }
        }
    }

    @Override
    public SourceRemoval removeDocumentSource(String tenant, String documentId) {
        Query supported = Query.of(q -> q.bool(b -> b.filter(EsFilterQueries.term(EsMemoryRecords.TENANT, tenant))
                .filter(EsFilterQueries.term(EsMemoryRecords.SOURCE_DOCUMENTS, documentId))));
        List<String> ids = new ArrayList<>();
        scan(supported, hit -> ids.add(hit.source().memoryId()));
        int forgotten = 0;
        int detached = 0;
        for (String id : ids) {
            while (true) {
                Stored current = getStored(tenant, id);
                if (current == null || !current.memory().sourceDocumentIds().contains(documentId)) {
                    break; // deleted or changed meanwhile
                }
                Memory next = MemoryWrites.withoutSource(current.memory(), documentId, clock.instant());
                if (casWrite(next, current) != null) {
                    if (next.sources().size() == current.memory().sources().size()) {
                        forgotten++;
                    } else {
                        detached++;
                    }
                    break;
                }
            }
        }
        if (!ids.isEmpty()) {
            refresh();
        }
        return new SourceRemoval(forgotten, detached);
    }

    @Override
    public long deleteByContainerTag(String tenant, String containerTag) {
        // scan and bulk delete rather than _delete_by_query, which needs the reindex module some nodes lack
        Query tagged = Query.of(q -> q.bool(b -> b.filter(EsFilterQueries.term(EsMemoryRecords.TENANT, tenant))
                .filter(EsFilterQueries.term(EsMemoryRecords.TAG, containerTag))));
        List<String> owners = new ArrayList<>();
        scan(tagged, hit -> owners.add(hit.id()));
        long deleted = 0;
        for (int from = 0; from < owners.size(); from += PAGE) {
            List<String> page = owners.subList(from, Math.min(owners.size(), from + PAGE));
            deleted += call(() -> client.bulk(b -> b.index(index).refresh(Refresh.True).operations(page.stream()
                    .map(id -> BulkOperation.of(op -> op.delete(d -> d.id(id)))).toList())))
                    .items().stream().filter(item -> "deleted".equals(item.result())).count();
        }
        return deleted;
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public Optional<Memory> get(Scope scope, String id) {
        Stored stored = getStored(scope.tenant(), id);
        return stored == null || !inScope(scope, stored.memory()) ? Optional.empty()
                : Optional.of(stored.memory().asSeenAt(clock.instant()));
    }

    @Override
    public List<Memory> getAll(Scope scope, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return mget(scope.tenant(), List.copyOf(new LinkedHashSet<>(ids))).stream()
                .map(Stored::memory).filter(m -> inScope(scope, m)).map(m -> m.asSeenAt(now)).toList();
    }

    @Override
    public Optional<Memory> findByContent(String tenant, String containerTag, String content) {
        Query query = Query.of(q -> q.bool(b -> b.filter(EsFilterQueries.term(EsMemoryRecords.TENANT, tenant))
                .filter(EsFilterQueries.term(EsMemoryRecords.TAG, containerTag))
                .filter(EsFilterQueries.term(EsMemoryRecords.CONTENT_HASH, MemoryIndexKeys.contentHash(content)))));
        Instant now = clock.instant();
        List<Memory> found = new ArrayList<>();
        scan(query, hit -> found.add(hit.source().memory()));
        return found.stream().filter(m -> m.content().equals(content)).map(m -> m.asSeenAt(now))
                .min(MemoryWrites.CONTENT_MATCH_ORDER);
    }

    @Override
    public List<Memory> versions(Scope scope, String rootMemoryId) {
        Query query = Query.of(q -> q.bool(b -> b.filter(scoped(scope))
                .filter(EsFilterQueries.term(EsMemoryRecords.ROOT, rootMemoryId))));
        Instant now = clock.instant();
        List<Memory> chain = new ArrayList<>();
        scan(query, hit -> chain.add(hit.source().memory().asSeenAt(now)));
        chain.sort(Comparator.comparingInt(Memory::version));
        return chain;
    }

    @Override
    public Page<Memory> list(MemorySelection selection, DocumentSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if ((long) offset + limit > EsIndices.MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("offset + limit must not exceed " + EsIndices.MAX_RESULT_WINDOW);
        }
        DocumentSort effective = sort == null ? DocumentSort.NEWEST_FIRST : sort;
        String field = effective.field() == DocumentSort.Field.UPDATED_AT
                ? EsMemoryRecords.UPDATED_AT : EsMemoryRecords.CREATED_AT;
        SortOrder order = effective.descending() ? SortOrder.Desc : SortOrder.Asc;
        Instant now = clock.instant();
        SearchResponse<Source> found = call(() -> client.search(s -> s.index(index)
                .query(selected(selection, now))
                .sort(o -> o.field(f -> f.field(field).order(order)))
                .sort(o -> o.field(f -> f.field(EsMemoryRecords.MEMORY_ID).order(order)))
                .from(offset).size(limit).trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.excludes(EsMemoryRecords.TERMS))), Source.class));
        List<Memory> items = found.hits().hits().stream().map(hit -> hit.source().memory().asSeenAt(now)).toList();
        return new Page<>(items, found.hits().total() == null ? items.size() : found.hits().total().value());
    }

    @Override
    public Map<String, Long> countByTag(Scope scope) {
        SearchResponse<Void> found = call(() -> client.search(s -> s.index(index).size(0)
                .query(selected(MemorySelection.latest(scope), clock.instant()))
                .aggregations("tags", a -> a.terms(t -> t.field(EsMemoryRecords.TAG).size(MAX_TAGS))), Void.class));
        Map<String, Long> counts = new TreeMap<>();
        for (StringTermsBucket bucket : found.aggregations().get("tags").sterms().buckets().array()) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    @Override
    public List<MemoryHit> searchText(MemorySelection selection, String query, int k) {
        Map<String, Integer> terms = EsSearches.queryTerms(query, k);
        if (terms.isEmpty()) {
            return List.of();
        }
        int size = Math.min(k, EsIndices.MAX_HITS);
        List<Query> clauses = EsSearches.termClauses(EsMemoryRecords.TERMS, terms);
        Instant now = clock.instant();
        SearchResponse<Source> found = call(() -> client.search(s -> s.index(index)
                .query(q -> q.bool(b -> b.should(clauses).minimumShouldMatch("1").filter(selected(selection, now))))
                .size(size).source(src -> src.filter(f -> f.excludes(EsMemoryRecords.TERMS))), Source.class));
        return hits(found, now, score -> score / EsSearches.BM25_CONSTANT_FACTOR);
    }

    @Override
    public List<MemoryHit> searchVector(MemorySelection selection, float[] vector, int k) {
        if (vector == null || vector.length == 0 || k <= 0) {
            return List.of();
        }
        ChunkVectors.checkDimension(vector, dimension);
        int size = Math.min(k, EsIndices.MAX_HITS);
        List<Float> query = EsSearches.queryVector(vector);
        Instant now = clock.instant();
        SearchResponse<Source> found = call(() -> client.search(s -> s.index(index)
                .knn(kn -> kn.field(EsMemoryRecords.VECTOR).queryVector(query).k(size)
                        .numCandidates(EsSearches.numCandidates(size))
                        .filter(selected(selection, now)))
                .size(size).source(src -> src.filter(f -> f.excludes(EsMemoryRecords.TERMS))), Source.class));
        // cosine similarity scores (1 + cosine) / 2; rounding can land a hair outside [0,1]
        return hits(found, now, score -> Math.min(1f, Math.max(0f, score)));
    }

    @Override
    public long memoryCount() {
        return call(() -> client.count(c -> c.index(index))).count();
    }

    /** Closes the connection. Idempotent. */
    @Override
    public void close() {
        try {
            client._transport().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Elasticsearch client", e);
        }
    }

    // ---- write machinery ----------------------------------------------------------------------------------------

    /** A memory as stored, with what a compare-and-set write needs. */
    private record Stored(Memory memory, long seqNo, long primaryTerm) {
    }

    private Stored getStored(String tenant, String id) {
        GetResponse<Source> got = call(() -> client.get(g -> g.index(index).id(MemoryIndexKeys.owner(tenant, id))
                .sourceExcludes(EsMemoryRecords.TERMS), Source.class));
        return got.found() ? new Stored(got.source().memory(), got.seqNo(), got.primaryTerm()) : null;
    }

    private List<Stored> mget(String tenant, List<String> ids) {
        List<String> owners = ids.stream().distinct().map(id -> MemoryIndexKeys.owner(tenant, id)).toList();
        List<MultiGetResponseItem<Source>> docs = call(() -> client.mget(m -> m.index(index).ids(owners)
                .sourceExcludes(EsMemoryRecords.TERMS), Source.class)).docs();
        List<Stored> found = new ArrayList<>();
        for (MultiGetResponseItem<Source> item : docs) {
            var got = item.result();
            if (got.found()) {
                found.add(new Stored(got.source().memory(), got.seqNo(), got.primaryTerm()));
            }
        }
        return found;
    }

    /**
     * Writes {@code next} over {@code current} only if nobody wrote it meanwhile (create when {@code current} is
     * null); returns what is stored now, or null when another writer got there first. Does not refresh.
     */
    private Stored casWrite(Memory next, Stored current) {
        Source source = Source.of(next);
        String id = MemoryIndexKeys.owner(next.tenant(), next.id());
        try {
            IndexResponse written = client.index(i -> {
                i.index(index).id(id).document(source);
                return current == null ? i.opType(OpType.Create)
                        : i.ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm());
            });
            return new Stored(next, written.seqNo(), written.primaryTerm());
        } catch (ElasticsearchException | IOException e) {
            if (isConflict(e)) {
                return null;
            }
            throw failure("cannot write memory " + next.id(), e);
        }
    }

    /** Puts flipped parents back as they were, where nobody changed them since. */
    private void undo(Map<Memory, Stored> flipped) {
        flipped.forEach(this::casWrite);
        if (!flipped.isEmpty()) {
            refresh();
        }
    }

    /** Writes memories in one bulk request and refreshes the index. */
    private void bulkWrite(List<Memory> memories) {
        BulkResponse response = call(() -> client.bulk(b -> b.index(index).refresh(Refresh.True)
                .operations(memories.stream().map(m -> BulkOperation.of(op -> op.index(x -> x
                        .id(MemoryIndexKeys.owner(m.tenant(), m.id())).document(Source.of(m))))).toList())));
        if (response.errors()) {
            String reasons = response.items().stream().filter(item -> item.error() != null)
                    .map(BulkResponseItem::error).map(e -> e.type() + ": " + e.reason()).distinct()
                    .reduce((a, b) -> a + "; " + b).orElse("unknown");
            throw new IllegalStateException("cannot store memories: " + reasons);
        }
    }

    private void refresh() {
        call(() -> client.indices().refresh(r -> r.index(index)));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private static boolean inScope(Scope scope, Memory memory) {
        return scope.containerTags().isEmpty() || scope.containerTags().contains(memory.containerTag());
    }

    private static Query scoped(Scope scope) {
        List<Query> filters = new ArrayList<>();
        filters.add(EsFilterQueries.term(EsMemoryRecords.TENANT, scope.tenant()));
        if (!scope.containerTags().isEmpty()) {
            List<FieldValue> tags = scope.containerTags().stream().map(FieldValue::of).toList();
            filters.add(Query.of(q -> q.terms(t -> t.field(EsMemoryRecords.TAG).terms(v -> v.value(tags)))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /** The memories of a selection at {@code now} (expiry depends on it). */
    private static Query selected(MemorySelection selection, Instant now) {
        List<Query> filters = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        filters.add(scoped(selection.scope()));
        if (!selection.includeHistory()) {
            filters.add(Query.of(q -> q.term(t -> t.field(EsMemoryRecords.LATEST).value(true))));
        }
        if (!selection.includeForgotten()) {
            excluded.add(Query.of(q -> q.term(t -> t.field(EsMemoryRecords.FORGOTTEN).value(true))));
            // as a string: a JSON number may pass through a double and lose the nanoseconds
            String nowKey = Long.toString(MemoryIndexKeys.timeKey(now));
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> u.field(EsMemoryRecords.FORGET_AFTER)
                    .gt(JsonData.of(nowKey))))));
        }
        if (selection.isStatic() != null) {
            boolean wanted = selection.isStatic();
            filters.add(Query.of(q -> q.term(t -> t.field(EsMemoryRecords.STATIC).value(wanted))));
        }
        if (selection.filter() != null) {
            filters.add(EsFilterQueries.toQuery(selection.filter()));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters).mustNot(excluded)));
    }

    /** Every memory matching {@code query}, in pages (search_after on the id). */
    private void scan(Query query, Consumer<Hit<Source>> each) {
        List<FieldValue> after = new ArrayList<>();
        while (true) {
            SearchResponse<Source> page = call(() -> client.search(s -> {
                s.index(index).query(query).size(PAGE)
                        .sort(o -> o.field(f -> f.field(EsMemoryRecords.MEMORY_ID).order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.excludes(EsMemoryRecords.TERMS)));
                return after.isEmpty() ? s : s.searchAfter(after);
            }, Source.class));
            List<Hit<Source>> hits = page.hits().hits();
            hits.forEach(each);
            if (hits.size() < PAGE) {
                return;
            }
            after.clear();
            after.addAll(hits.get(hits.size() - 1).sort());
        }
    }

    @FunctionalInterface
    private interface ScoreMapping {
        float apply(float score);
    }

    private static List<MemoryHit> hits(SearchResponse<Source> found, Instant now, ScoreMapping mapping) {
        List<MemoryHit> hits = new ArrayList<>();
        for (Hit<Source> hit : found.hits().hits()) {
            float score = hit.score() == null ? 0f : hit.score().floatValue();
            hits.add(new MemoryHit(hit.source().memory().asSeenAt(now), mapping.apply(score)));
        }
        return hits;
    }
}
