package io.hippocamel.search;

import io.hippocamel.core.ChunkHit;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hybrid chunk search: BM25 and kNN candidates from the store, fused by a blend of the two scores (default) or by
 * reciprocal rank fusion. Every hit's similarity is the cosine of query and chunk mapped to [0,1], whichever
 * retriever found it, so thresholds mean the same in every mode.
 */
public class SearchService {

    private static final Function<ChunkHit, String> ID = h -> h.chunk().id();

    private final MemoryStore store;
    private final Embedder embedder;
    private final SearchProperties config;

    public SearchService(MemoryStore store, Embedder embedder, SearchProperties config) {
        this.store = store;
        this.embedder = embedder;
        this.config = config;
    }

    public List<ScoredChunk> search(ChunkQuery q) {
        String text = q.query().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        float[] queryVector = embedder.embedQuery(text);
        int candidates = Math.max(q.limit(), config.getCandidates());
        List<ChunkHit> vectorHits = q.mode() == SearchMode.TEXT ? List.of()
                : store.searchVector(q.scope(), queryVector, q.filter(), q.documentId(), candidates);
        List<ChunkHit> textHits = q.mode() == SearchMode.VECTOR ? List.of()
                : withoutWeakTextHits(store.searchText(q.scope(), text, q.filter(), q.documentId(), candidates),
                        config.getMinTextScoreRatio());
        Map<String, Double> rank = HybridRanking.fuse(q.mode(), textHits, vectorHits, ID, ChunkHit::score, config);
        Map<String, ChunkHit> hits = new LinkedHashMap<>();
        vectorHits.forEach(h -> hits.putIfAbsent(h.chunk().id(), h));
        textHits.forEach(h -> hits.putIfAbsent(h.chunk().id(), h));
        List<ScoredChunk> out = new ArrayList<>(hits.size());
        for (ChunkHit hit : hits.values()) {
            double similarity = similarity(queryVector, hit.chunk().vector());
            if (similarity >= q.threshold()) {
                out.add(new ScoredChunk(hit, similarity, rank.getOrDefault(hit.chunk().id(), 0.0)));
            }
        }
        out.sort(Comparator.comparingDouble(ScoredChunk::rank).reversed()
                .thenComparing(Comparator.comparingDouble(ScoredChunk::similarity).reversed()));
        return out.size() > q.limit() ? List.copyOf(out.subList(0, q.limit())) : out;
    }

    /** Drops BM25 hits far below the best one: matches on ubiquitous words only, which RRF would count as votes. */
    static List<ChunkHit> withoutWeakTextHits(List<ChunkHit> hits, double minRatio) {
        return HybridRanking.withoutWeakTextHits(hits, ChunkHit::score, minRatio);
    }

    static double similarity(float[] a, float[] b) {
        return HybridRanking.similarity(a, b);
    }

    static Map<String, Double> reciprocalRankFusion(List<ChunkHit> a, List<ChunkHit> b, int k) {
        return HybridRanking.reciprocalRankFusion(a, b, ID, k);
    }

    static Map<String, Double> blend(List<ChunkHit> text, List<ChunkHit> vector, double vectorWeight) {
        return HybridRanking.blend(text, vector, ID, ChunkHit::score, vectorWeight);
    }
}
