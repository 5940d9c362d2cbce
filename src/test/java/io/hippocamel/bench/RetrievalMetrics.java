package io.hippocamel.bench;

import java.util.List;
import java.util.Set;

/** Ranking metrics with binary relevance, as BEIR computes them. */
final class RetrievalMetrics {

    private RetrievalMetrics() {
    }

    /** nDCG@k: DCG of the ranking over the DCG of an ideal ranking of the relevant items. */
    static double ndcg(List<String> ranking, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** Share of the relevant items found in the top k. */
    static double recall(List<String> ranking, Set<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
