package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.hippocamel.store.ChunkVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pieces of a BM25 or kNN search both Elasticsearch stores build alike, so both score as the Lucene ones. */
public final class EsSearches {

    /**
     * Elasticsearch's BM25 keeps the constant {@code k1 + 1} factor that Lucene's drops; dividing by it gives the
     * contract's scores (the same numbers as the Lucene stores) without changing the ranking.
     */
    public static final float BM25_CONSTANT_FACTOR = 1.2f + 1;

    private EsSearches() {
    }

    /**
     * One clause per distinct query term ({@link EsText#queryTerms}) on {@code field}, boosted by its count: scores as
     * repeating the term would, like Lucene's.
     */
    /** The analysed terms of a BM25 query; empty when there is nothing to search (blank, only stop words, k < 1). */
    public static Map<String, Integer> queryTerms(String query, int k) {
        if (query == null || query.isBlank() || k <= 0) {
            return Map.of();
        }
        return EsText.queryTerms(query);
    }

    public static List<Query> termClauses(String field, Map<String, Integer> terms) {
        return terms.entrySet().stream().map(e -> Query.of(q -> q.term(t -> t
                .field(field).value(e.getKey()).boost((float) e.getValue())))).toList();
    }

    /** The query vector of a kNN search: the unit vector, as the stored ones are. */
    public static List<Float> queryVector(float[] vector) {
        List<Float> query = new ArrayList<>(vector.length);
        for (float v : ChunkVectors.unit(vector)) {
            query.add(v);
        }
        return query;
    }

    /** HNSW candidates per shard for {@code k} hits: twice as many, at least 100, at most Elasticsearch's 10,000. */
    public static int numCandidates(int k) {
        return Math.min(10_000, Math.max(100, 2 * k));
    }
}
