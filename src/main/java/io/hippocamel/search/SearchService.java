package io.hippocamel.search;

import io.hippocamel.core.ChunkHit;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hybrid chunk search: BM25 and kNN candidates from the store, fused by a blend of the two scores (default) or by
 * reciprocal rank fusion. Every hit's similarity is the cosine of query and chunk mapped to [0,1], whichever
 * retriever found it, so thresholds mean the same in every mode.
 */
public class SearchService {

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
        Map<String, Double> rank = switch (q.mode()) {
            case VECTOR -> byScore(vectorHits);
            case TEXT -> byScore(textHits);
            case HYBRID -> config.getFusion() == SearchProperties.Fusion.RRF
                    ? reciprocalRankFusion(textHits, vectorHits, config.getRrfK())
                    : blend(textHits, vectorHits, config.getVectorWeight());
        };
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
        if (hits.isEmpty() || minRatio <= 0) {
            return hits;
        }
        double floor = hits.get(0).score() * minRatio;
        return hits.stream().filter(h -> h.score() >= floor).toList();
    }

    static double similarity(float[] a, float[] b) {
        if (b == null) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.max(0, Math.min(1, (1 + dot) / 2));
    }

    private static Map<String, Double> byScore(List<ChunkHit> hits) {
        Map<String, Double> scores = new LinkedHashMap<>();
        hits.forEach(h -> scores.put(h.chunk().id(), (double) h.score()));
        return scores;
    }

    /** RRF: each list contributes 1 / (k + rank); robust to the two retrievers' incomparable score scales. */
    static Map<String, Double> reciprocalRankFusion(List<ChunkHit> a, List<ChunkHit> b, int k) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<ChunkHit> list : List.of(a, b)) {
            for (int i = 0; i < list.size(); i++) {
                scores.merge(list.get(i).chunk().id(), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return scores;
    }

    /**
     * Blend on absolute scales: BM25 as a fraction of the best BM25 hit, vectors as their cosine (clipped at 0).
     * Min-max normalising the vector list instead would stretch tiny cosine differences between near-identical
     * chunks to the full range and drown a single strong keyword match.
     */
    static Map<String, Double> blend(List<ChunkHit> text, List<ChunkHit> vector, double vectorWeight) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double best = text.isEmpty() ? 1 : Math.max(1e-9, text.get(0).score());
        for (ChunkHit h : text) {
            scores.merge(h.chunk().id(), (1 - vectorWeight) * h.score() / best, Double::sum);
        }
        for (ChunkHit h : vector) {
            double cosine = Math.max(0, 2 * h.score() - 1);
            scores.merge(h.chunk().id(), vectorWeight * cosine, Double::sum);
        }
        return scores;
    }
}
