package io.hippocamel.memory.lucene;

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
import io.hippocamel.store.ChunkVectors;
import io.hippocamel.store.lucene.LuceneFilterQueries;
import io.hippocamel.store.lucene.TextAnalysis;
import io.hippocamel.store.lucene.LuceneIndex;
import io.hippocamel.store.lucene.LuceneIndex.Written;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded {@link MemoryFactStore}: a Lucene index of its own (layout in {@link LuceneMemoryRecords}) with HNSW
 * vectors and BM25 text, kept as a {@link LuceneIndex} in {@code <directory>} (index and write-ahead log).
 *
 * <ul>
 *   <li><b>Writes</b> hold one lock for their check-and-write; a batch (with the parents it supersedes) is one
 *       {@link IndexWriter#updateDocuments(Query, Iterable)} call, so readers see all of it or none.</li>
 *   <li><b>Durability</b> as in the document store, with the same {@link LuceneIndex}: every write is logged and
 *       returns once an fsync covers it; Lucene commits at checkpoints and on close, and opening replays the log.</li>
 *   <li><b>Visibility.</b> Every read, and every write's own check, reopens the near-real-time searcher first when a
 *       write happened since it was last opened, so a memory put is found by the next search.</li>
 * </ul>
 */
public final class LuceneMemoryFactStore implements MemoryFactStore {

    private static final long DEFAULT_CHECKPOINT_BYTES = 64L * 1024 * 1024;

    private final int dimension;
    private final Clock clock;
    private final LuceneMemoryRecords records = new LuceneMemoryRecords();
    private final LuceneIndex index;
    private final IndexWriter writer;

    /** Opens (creating when missing) the memories index in {@code directory}; vectors have {@code dimension} floats. */
    public LuceneMemoryFactStore(Path directory, int dimension, Clock clock) {
        this(directory, dimension, clock, DEFAULT_CHECKPOINT_BYTES);
    }

    /** With a chosen checkpoint size: lets tests checkpoint often. */
    LuceneMemoryFactStore(Path directory, int dimension, Clock clock, long checkpointBytes) {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        this.dimension = dimension;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.index = LuceneIndex.open(directory, "memories index", checkpointBytes,
                (target, payload) -> apply(target, records.decode(payload)));
        this.writer = index.writer();
    }

    // ---- writes -------------------------------------------------------------------------------------------------

    @Override
    public void putAll(Collection<Memory> memories) {
        if (memories.isEmpty()) {
            return;
        }
        write(() -> {
            String tenant = memories.iterator().next().tenant();
            Instant now = clock.instant();
            MemoryWrites.Plan plan = MemoryWrites.plan(memories, id -> load(Scope.allTags(tenant), id), dimension,
                    now);
            List<Memory> all = new ArrayList<>(plan.superseded());
            all.addAll(plan.memories());
            return new Written<>(null, writeMemories(all));
        });
    }

    @Override
    public ForgetResult forget(Scope scope, String id, String reason) {
        return write(() -> {
            Instant now = clock.instant();
            Memory current = load(scope, id);
            if (current == null) {
                return Written.nothing(new ForgetResult(ForgetResult.Outcome.NOT_FOUND, null));
            }
            if (current.asSeenAt(now).isForgotten()) {
                return Written.nothing(new ForgetResult(ForgetResult.Outcome.ALREADY_FORGOTTEN,
                        current.asSeenAt(now)));
            }
            Memory forgotten = MemoryWrites.forgotten(current, reason, now);
            return new Written<>(new ForgetResult(ForgetResult.Outcome.FORGOTTEN, forgotten),
                    writeMemories(List.of(forgotten)));
        });
    }

    @Override
    public SourceRemoval removeDocumentSource(String tenant, String documentId) {
        return write(() -> {
            Instant now = clock.instant();
            Query supported = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(LuceneMemoryRecords.TENANT, tenant)), Occur.FILTER)
                    .add(new TermQuery(new Term(LuceneMemoryRecords.SOURCE_DOCUMENT, documentId)), Occur.FILTER)
                    .build();
            List<Memory> changed = new ArrayList<>();
            int forgotten = 0;
            for (Memory memory : query(searcher -> all(searcher, supported, null))) {
                Memory next = MemoryWrites.withoutSource(memory, documentId, now);
                if (next.sources().size() == memory.sources().size()) {
                    forgotten++; // no other source: forgotten, its provenance kept
                }
                changed.add(next);
            }
            long seqNo = changed.isEmpty() ? LuceneIndex.NOTHING_WRITTEN : writeMemories(changed);
            return new Written<>(new SourceRemoval(forgotten, changed.size() - forgotten), seqNo);
        });
    }

    @Override
    public long deleteByContainerTag(String tenant, String containerTag) {
        return write(() -> {
            Query tagged = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(LuceneMemoryRecords.TENANT, tenant)), Occur.FILTER)
                    .add(new TermQuery(new Term(LuceneMemoryRecords.TAG, containerTag)), Occur.FILTER)
                    .build();
            long count = query(searcher -> (long) searcher.count(tagged));
            if (count == 0) {
                return Written.nothing(0L);
            }
            long seqNo = writer.deleteDocuments(tagged);
            index.log(records.encode(new LuceneMemoryRecords.DeleteTag(tenant, containerTag)), seqNo);
            index.written(seqNo);
            return new Written<>(count, seqNo);
        });
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    @Override
    public Optional<Memory> get(Scope scope, String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(query(searcher -> first(searcher, byIds(scope, List.of(id)))))
                .map(m -> m.asSeenAt(now));
    }

    @Override
    public List<Memory> getAll(Scope scope, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, Memory> found = new HashMap<>();
        query(searcher -> all(searcher, byIds(scope, ids), null)).forEach(m -> found.put(m.id(), m.asSeenAt(now)));
        return new LinkedHashSet<>(ids).stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<Memory> findByContent(String tenant, String containerTag, String content) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneMemoryRecords.TENANT, tenant)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneMemoryRecords.TAG, containerTag)), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneMemoryRecords.CONTENT_HASH,
                        MemoryIndexKeys.contentHash(content))), Occur.FILTER)
                .build();
        Instant now = clock.instant();
        return query(searcher -> all(searcher, query, null)).stream()
                .filter(m -> m.content().equals(content))
                .map(m -> m.asSeenAt(now))
                .min(MemoryWrites.CONTENT_MATCH_ORDER);
    }

    @Override
    public List<Memory> versions(Scope scope, String rootMemoryId) {
        Query query = new BooleanQuery.Builder()
                .add(scoped(scope), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneMemoryRecords.ROOT, rootMemoryId)), Occur.FILTER)
                .build();
        Instant now = clock.instant();
        return query(searcher -> all(searcher, query, null)).stream()
                .map(m -> m.asSeenAt(now))
                .sorted(Comparator.comparingInt(Memory::version))
                .toList();
    }

    @Override
    public Page<Memory> list(MemorySelection selection, DocumentSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        Instant now = clock.instant();
        Query query = selected(selection, now);
        return query(searcher -> {
            int total = searcher.count(query);
            if (limit == 0 || offset >= total) {
                return new Page<>(List.<Memory>of(), total);
            }
            int wanted = (int) Math.min((long) offset + limit, total);
            ScoreDoc[] hits = searcher.search(query, wanted, luceneSort(sort)).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<Memory> items = new ArrayList<>(hits.length - offset);
            for (int i = offset; i < hits.length; i++) {
                items.add(records.toMemory(stored.document(hits[i].doc)).asSeenAt(now));
            }
            return new Page<>(items, total);
        });
    }

    @Override
    public Map<String, Long> countByTag(Scope scope) {
        Query query = selected(MemorySelection.latest(scope), clock.instant());
        Map<String, Long> counts = new TreeMap<>();
        query(searcher -> {
            searcher.search(query, new SimpleCollector() {
                private SortedDocValues tags;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    tags = DocValues.getSorted(context.reader(), LuceneMemoryRecords.TAG);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (tags.advanceExact(doc)) {
                        counts.merge(tags.lookupOrd(tags.ordValue()).utf8ToString(), 1L, Long::sum);
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return null;
        });
        return counts;
    }

    @Override
    public List<MemoryHit> searchText(MemorySelection selection, String query, int k) {
        if (query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        Query text = TextAnalysis.query(index.analyzer(), LuceneMemoryRecords.TEXT, query);
        if (text == null) {
            return List.of(); // only stop words
        }
        Instant now = clock.instant();
        Query search = new BooleanQuery.Builder()
                .add(text, Occur.MUST)
                .add(selected(selection, now), Occur.FILTER)
                .build();
        return query(searcher -> hits(searcher, searcher.search(search, k), now));
    }

    @Override
    public List<MemoryHit> searchVector(MemorySelection selection, float[] vector, int k) {
        if (vector == null || vector.length == 0 || k <= 0) {
            return List.of();
        }
        ChunkVectors.checkDimension(vector, dimension);
        Instant now = clock.instant();
        Query search = new KnnFloatVectorQuery(LuceneMemoryRecords.VECTOR, ChunkVectors.unit(vector), k,
                selected(selection, now));
        // DOT_PRODUCT scores unit vectors as (1 + cosine) / 2; rounding can land a hair outside [0,1]
        return query(searcher -> hits(searcher, searcher.search(search, k), now)).stream()
                .map(hit -> new MemoryHit(hit.memory(), Math.min(1f, Math.max(0f, hit.score()))))
                .toList();
    }

    @Override
    public long memoryCount() {
        return query(searcher -> (long) searcher.count(new MatchAllDocsQuery()));
    }

    /** Commits the index, drops the log it no longer needs and releases everything. Idempotent. */
    @Override
    public void close() {
        index.close();
    }

    // ---- write machinery ----------------------------------------------------------------------------------------

    /** Runs a check-and-write step under the write lock, then waits for an fsync of the log that covers it. */
    private <T> T write(LuceneIndex.WriteStep<T> step) {
        return index.write(true, step);
    }

    /** Stores memories (whole new states) in one atomic index operation and logs it. Under the write lock. */
    private long writeMemories(List<Memory> memories) throws IOException {
        long seqNo = apply(writer, new LuceneMemoryRecords.Put(memories));
        index.log(records.encode(new LuceneMemoryRecords.Put(memories)), seqNo);
        index.written(seqNo);
        return seqNo;
    }

    /** Applies a logged write to the index, the same way when writing and when replaying. */
    private long apply(IndexWriter target, LuceneMemoryRecords.Entry entry) throws IOException {
        if (entry instanceof LuceneMemoryRecords.Put put) {
            Query owners = new TermInSetQuery(LuceneMemoryRecords.OWNER, put.memories().stream()
                    .map(m -> new BytesRef(LuceneMemoryRecords.owner(m.tenant(), m.id()).text())).toList());
            return target.updateDocuments(owners, put.memories().stream().map(records::record).toList());
        }
        LuceneMemoryRecords.DeleteTag delete = (LuceneMemoryRecords.DeleteTag) entry;
        return target.deleteDocuments(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneMemoryRecords.TENANT, delete.tenant())), Occur.FILTER)
                .add(new TermQuery(new Term(LuceneMemoryRecords.TAG, delete.containerTag())), Occur.FILTER)
                .build());
    }

    /** A read on a searcher that has every write that returned before it started. */
    private <T> T query(LuceneIndex.ReadStep<T> step) {
        return index.query(step);
    }

    /** One memory in scope by id, as stored (not as seen), or null. Sees every earlier write. */
    private Memory load(Scope scope, String id) {
        return query(searcher -> first(searcher, byIds(scope, List.of(id))));
    }

    // ---- queries ------------------------------------------------------------------------------------------------

    private Memory first(IndexSearcher searcher, Query query) throws IOException {
        TopDocs top = searcher.search(query, 1);
        return top.scoreDocs.length == 0 ? null
                : records.toMemory(searcher.storedFields().document(top.scoreDocs[0].doc));
    }

    private List<Memory> all(IndexSearcher searcher, Query query, Sort sort) throws IOException {
        int count = searcher.count(query);
        if (count == 0) {
            return List.of();
        }
        TopDocs top = sort == null ? searcher.search(query, count) : searcher.search(query, count, sort);
        StoredFields stored = searcher.storedFields();
        List<Memory> memories = new ArrayList<>(count);
        for (ScoreDoc hit : top.scoreDocs) {
            memories.add(records.toMemory(stored.document(hit.doc)));
        }
        return memories;
    }

    private List<MemoryHit> hits(IndexSearcher searcher, TopDocs top, Instant now) throws IOException {
        StoredFields stored = searcher.storedFields();
        List<MemoryHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            hits.add(new MemoryHit(records.toMemory(stored.document(hit.doc)).asSeenAt(now), hit.score));
        }
        return hits;
    }

    private static Query byIds(Scope scope, Collection<String> ids) {
        return new BooleanQuery.Builder()
                .add(scoped(scope), Occur.FILTER)
                .add(new TermInSetQuery(LuceneMemoryRecords.OWNER, ids.stream()
                        .map(id -> new BytesRef(LuceneMemoryRecords.owner(scope.tenant(), id).text())).toList()),
                        Occur.FILTER)
                .build();
    }

    /** The tenant and, when the scope names some, its tags. */
    private static Query scoped(Scope scope) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(LuceneMemoryRecords.TENANT, scope.tenant())), Occur.FILTER);
        if (!scope.containerTags().isEmpty()) {
            query.add(new TermInSetQuery(LuceneMemoryRecords.TAG,
                    scope.containerTags().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return query.build();
    }

    /** The memories of a selection at {@code now} (expiry depends on it). */
    private static Query selected(MemorySelection selection, Instant now) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(scoped(selection.scope()), Occur.FILTER);
        if (!selection.includeHistory()) {
            query.add(new TermQuery(new Term(LuceneMemoryRecords.LATEST, LuceneMemoryRecords.TRUE)), Occur.FILTER);
        }
        if (!selection.includeForgotten()) {
            query.add(new TermQuery(new Term(LuceneMemoryRecords.FORGOTTEN, LuceneMemoryRecords.TRUE)),
                    Occur.MUST_NOT);
            long nowKey = MemoryIndexKeys.timeKey(now);
            query.add(LongPoint.newRangeQuery(LuceneMemoryRecords.FORGET_AFTER,
                    nowKey == Long.MAX_VALUE ? Long.MAX_VALUE : nowKey + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        if (selection.isStatic() != null) {
            query.add(new TermQuery(new Term(LuceneMemoryRecords.STATIC, selection.isStatic()
                    ? LuceneMemoryRecords.TRUE : LuceneMemoryRecords.FALSE)), Occur.FILTER);
        }
        if (selection.filter() != null) {
            query.add(LuceneFilterQueries.toQuery(selection.filter()), Occur.FILTER);
        }
        return query.build();
    }

    private static Sort luceneSort(DocumentSort sort) {
        DocumentSort effective = sort == null ? DocumentSort.NEWEST_FIRST : sort;
        String field = effective.field() == DocumentSort.Field.UPDATED_AT
                ? LuceneMemoryRecords.UPDATED_AT : LuceneMemoryRecords.CREATED_AT;
        return new Sort(new SortField(field, SortField.Type.LONG, effective.descending()),
                new SortField(LuceneMemoryRecords.ID_SORT, SortField.Type.STRING, effective.descending()));
    }
}
