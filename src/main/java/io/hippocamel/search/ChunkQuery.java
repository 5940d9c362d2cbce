package io.hippocamel.search;

import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Scope;

/**
 * A chunk search.
 *
 * @param scope      tenant and container tags
 * @param query      the text to search for
 * @param filter     metadata filter or null
 * @param documentId only this document, or null
 * @param limit      chunks wanted at most
 * @param threshold  minimum similarity, in [0,1]
 * @param mode       retrievers to use
 */
public record ChunkQuery(Scope scope, String query, MetadataFilter filter, String documentId, int limit,
                         double threshold, SearchMode mode) {
}
