package io.hippocamel.camel;

import java.util.Map;

/**
 * One hit of {@code memory:search}: a matching chunk and the document it belongs to.
 *
 * @param documentId   the document's id
 * @param customId     the document's customId, or null
 * @param containerTag the document's container tag
 * @param title        the document's title (found by extraction), or null
 * @param text         the matching chunk's text
 * @param similarity   {@code (1 + cosine(query, chunk)) / 2}, in [0,1], as the API's {@code similarity}
 * @param metadata     the document's metadata
 */
public record MemorySearchResult(String documentId, String customId, String containerTag, String title, String text,
                                 double similarity, Map<String, Object> metadata) {

    public MemorySearchResult {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
