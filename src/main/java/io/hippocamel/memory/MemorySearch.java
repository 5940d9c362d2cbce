package io.hippocamel.memory;

import io.hippocamel.search.SearchProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.search.HybridRanking;
import io.hippocamel.search.SearchMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hybrid memory search: BM25 and kNN candidates from the {@link MemoryFactStore}, fused and thresholded exactly as
 * chunk search does ({@link HybridRanking}), so a similarity means the same for memories and chunks.
 */
public class MemorySearch {

    private static final Function<MemoryHit, String> ID = h -> h.memory().id();

    private final MemoryFactStore store;
    private final Embedder embedder;
    private final SearchProperties config;

    public MemorySearch(MemoryFactStore store, Embedder embedder, SearchProperties config) {
        this.store = store;
        this.embedder = embedder;
        this.config = config;
    }

    /** Best memories first, at most {@code limit}, each at least {@code threshold} similar; empty for blank text. */
    public List<ScoredMemory> search(MemoryQuery q) {
        String text = q.query().strip();
        return text.isEmpty() ? List.of() : search(q, embedder.embedQuery(text));
    }

    /** {@link #search(MemoryQuery)} with the query's vector already embedded (a hybrid search embeds it once). */
    public List<ScoredMemory> search(MemoryQuery q, float[] queryVector) {
        String text = q.query().strip();
        if (text.isEmpty() || q.limit() <= 0) {
            return List.of();
        }
        int candidates = Math.max(q.limit(), config.getCandidates());
        List<MemoryHit> vectorHits = q.mode() == SearchMode.TEXT ? List.of()
                : store.searchVector(q.selection(), queryVector, candidates);
        List<MemoryHit> textHits = q.mode() == SearchMode.VECTOR ? List.of()
                : HybridRanking.withoutWeakTextHits(store.searchText(q.selection(), text, candidates),
                        MemoryHit::score, config.getMinTextScoreRatio());
        Map<String, Double> rank = HybridRanking.fuse(q.mode(), textHits, vectorHits, ID, MemoryHit::score, config);
        Map<String, MemoryHit> hits = new LinkedHashMap<>();
        vectorHits.forEach(h -> hits.putIfAbsent(ID.apply(h), h));
        textHits.forEach(h -> hits.putIfAbsent(ID.apply(h), h));
        List<ScoredMemory> out = new ArrayList<>(hits.size());
        for (MemoryHit hit : hits.values()) {
            double similarity = HybridRanking.similarity(queryVector, hit.memory().vector());
            if (similarity >= q.threshold()) {
                out.add(new ScoredMemory(hit.memory(), similarity, rank.getOrDefault(ID.apply(hit), 0.0)));
            }
        }
        out.sort(Comparator.comparingDouble(ScoredMemory::rank).reversed()
                .thenComparing(Comparator.comparingDouble(ScoredMemory::similarity).reversed()));
        return out.size() > q.limit() ? List.copyOf(out.subList(0, q.limit())) : out;
    }
}
