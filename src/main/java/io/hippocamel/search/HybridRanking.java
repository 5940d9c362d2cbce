package io.hippocamel.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How hybrid search ranks: BM25 and kNN candidate lists fused by a blend of the two scores (default) or by
 * reciprocal rank fusion, and the similarity users see. Shared by chunk search and memory search, so both rank and
 * threshold alike. Candidates are anything with an id and a retriever score (BM25 &gt;= 0, kNN {@code (1+cos)/2}).
 */
public final class HybridRanking {

    private HybridRanking() {
    }

    /** The fused ranking score of every candidate id (only the order matters) for the given mode. */
    public static <T> Map<String, Double> fuse(SearchMode mode, List<T> text, List<T> vector, Function<T, String> id,
                                               ToDoubleFunction<T> score, SearchProperties config) {
        return switch (mode) {
            case VECTOR -> byScore(vector, id, score);
            case TEXT -> byScore(text, id, score);
            case HYBRID -> config.getFusion() == SearchProperties.Fusion.RRF
                    ? reciprocalRankFusion(text, vector, id, config.getRrfK())
                    : blend(text, vector, id, score, config.getVectorWeight());
        };
    }

    /** Drops BM25 hits far below the best one: matches on ubiquitous words only, which RRF would count as votes. */
    public static <T> List<T> withoutWeakTextHits(List<T> hits, ToDoubleFunction<T> score, double minRatio) {
        if (hits.isEmpty() || minRatio <= 0) {
            return hits;
        }
        double floor = score.applyAsDouble(hits.get(0)) * minRatio;
        return hits.stream().filter(h -> score.applyAsDouble(h) >= floor).toList();
    }

    /** {@code (1 + cosine) / 2} of two unit vectors, clipped to [0,1]; 0 when the candidate has no vector. */
    public static double similarity(float[] a, float[] b) {
        if (b == null) {
            return 0;
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return Math.max(0, Math.min(1, (1 + dot) / 2));
    }

    private static <T> Map<String, Double> byScore(List<T> hits, Function<T, String> id, ToDoubleFunction<T> score) {
        Map<String, Double> scores = new LinkedHashMap<>();
        hits.forEach(h -> scores.put(id.apply(h), score.applyAsDouble(h)));
        return scores;
    }

    /** RRF: each list contributes 1 / (k + rank); robust to the two retrievers' incomparable score scales. */
    static <T> Map<String, Double> reciprocalRankFusion(List<T> a, List<T> b, Function<T, String> id, int k) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (List<T> list : List.of(a, b)) {
            for (int i = 0; i < list.size(); i++) {
                scores.merge(id.apply(list.get(i)), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return scores;
    }

    /**
     * Blend on absolute scales: BM25 as a fraction of the best BM25 hit, vectors as their cosine (clipped at 0).
     * Min-max normalising the vector list instead would stretch tiny cosine differences between near-identical
     * candidates to the full range and drown a single strong keyword match.
     */
    static <T> Map<String, Double> blend(List<T> text, List<T> vector, Function<T, String> id,
                                         ToDoubleFunction<T> score, double vectorWeight) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double best = text.isEmpty() ? 1 : Math.max(1e-9, score.applyAsDouble(text.get(0)));
        for (T h : text) {
            scores.merge(id.apply(h), (1 - vectorWeight) * score.applyAsDouble(h) / best, Double::sum);
        }
        for (T h : vector) {
            double cosine = Math.max(0, 2 * score.applyAsDouble(h) - 1);
            scores.merge(id.apply(h), vectorWeight * cosine, Double::sum);
        }
        return scores;
    }
}
