package io.hippocamel.bench;

import io.hippocamel.search.SearchProperties;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.Embedder;
import io.hippocamel.search.ChunkQuery;
import io.hippocamel.search.ScoredChunk;
import io.hippocamel.search.SearchService;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks documents for a query with the server's own {@link SearchService} (over its store and embedder) in a given
 * {@link RetrievalMode}: the chunk hits, deduplicated by document in rank order (a document scores as its best
 * chunk), mapped to the data set's own ids.
 */
final class DocumentRanker {

    private final MemoryStore store;
    private final Embedder embedder;
    private final SearchProperties server;

    DocumentRanker(MemoryStore store, Embedder embedder, SearchProperties server) {
        this.store = store;
        this.embedder = new CachingEmbedder(embedder);
        this.server = server;
    }

    /** A search service for the mode, fetching {@code candidates} chunks from each retriever. */
    SearchService service(RetrievalMode mode, int candidates) {
        return new SearchService(store, embedder, mode.settings(server, candidates));
    }

    /**
     * The top documents (data-set ids, best first) for the query, from at most {@code chunkLimit} chunks at
     * threshold 0; chunks of documents not in {@code externalIds} are skipped.
     */
    static List<String> rank(SearchService service, RetrievalMode mode, Scope scope, String query, int chunkLimit,
                             Map<String, String> externalIds) {
        List<ScoredChunk> hits = service.search(new ChunkQuery(scope, query, null, null, chunkLimit, 0,
                mode.mode()));
        Set<String> ranked = new LinkedHashSet<>();
        for (ScoredChunk hit : hits) {
            String external = externalIds.get(hit.hit().chunk().documentId());
            if (external != null) {
                ranked.add(external);
            }
        }
        return new ArrayList<>(ranked);
    }
}
