package io.hippocamel.bench;

import io.hippocamel.search.SearchProperties;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.search.SearchMode;
import java.util.List;

/**
 * One way of retrieving, for the quality sections: BM25 only, vectors only, or hybrid with a fusion method.
 *
 * @param label        how the report names it
 * @param mode         the retrievers
 * @param fusion       hybrid only: rrf or blend (null: the server's)
 * @param vectorWeight blend only
 * @param rrfK         rrf only
 */
record RetrievalMode(String label, SearchMode mode, SearchProperties.Fusion fusion, double vectorWeight,
                     int rrfK) {

    static final RetrievalMode BM25 = new RetrievalMode("BM25 only", SearchMode.TEXT, null, 0, 60);
    static final RetrievalMode VECTORS = new RetrievalMode("vectors only", SearchMode.VECTOR, null, 0, 60);

    /** The modes both quality sections compare: each retriever alone, RRF and the blend at several weights. */
    static List<RetrievalMode> compared() {
        return List.of(BM25, VECTORS, rrf(60), blend(0.1), blend(0.2), blend(0.3), blend(0.4), blend(0.5),
                blend(0.7));
    }

    static RetrievalMode rrf(int k) {
        return new RetrievalMode("hybrid RRF (k=" + k + ")", SearchMode.HYBRID, SearchProperties.Fusion.RRF, 0,
                k);
    }

    static RetrievalMode blend(double vectorWeight) {
        return new RetrievalMode("hybrid blend (vector weight " + vectorWeight + ")", SearchMode.HYBRID,
                SearchProperties.Fusion.BLEND, vectorWeight, 60);
    }

    /** The hybrid mode the server is configured with (its fusion and weight), labelled like the compared ones. */
    static RetrievalMode served(SearchProperties server) {
        return server.getFusion() == SearchProperties.Fusion.RRF ? rrf(server.getRrfK())
                : blend(server.getVectorWeight());
    }

    boolean isHybrid() {
        return mode == SearchMode.HYBRID;
    }

    /** Search settings for this mode: fusion and weights of the mode, candidates per retriever as given. */
    SearchProperties settings(SearchProperties server, int candidates) {
        SearchProperties s = new SearchProperties();
        s.setFusion(fusion == null ? server.getFusion() : fusion);
        s.setRrfK(fusion == SearchProperties.Fusion.RRF ? rrfK : server.getRrfK());
        s.setVectorWeight(fusion == SearchProperties.Fusion.BLEND ? vectorWeight : server.getVectorWeight());
        s.setCandidates(candidates);
        return s;
    }
}
