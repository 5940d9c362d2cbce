package io.hippocamel.memory;

import io.hippocamel.search.SearchMode;
import java.util.Objects;

/**
 * A memory search.
 *
 * @param selection which memories (scope, filters, forgotten, history)
 * @param query     the text to search for
 * @param limit     memories wanted at most
 * @param threshold minimum similarity, in [0,1]
 * @param mode      retrievers to use
 */
public record MemoryQuery(MemorySelection selection, String query, int limit, double threshold, SearchMode mode) {

    public MemoryQuery {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(query, "query");
        mode = mode == null ? SearchMode.HYBRID : mode;
    }

    /** A hybrid search of the latest, remembered memories of a selection. */
    public static MemoryQuery hybrid(MemorySelection selection, String query, int limit, double threshold) {
        return new MemoryQuery(selection, query, limit, threshold, SearchMode.HYBRID);
    }
}
