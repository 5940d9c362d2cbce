package io.hippocamel.memory;

import java.util.Objects;

/**
 * Where a memory came from: a document and, where it matters, the chunk or conversation turn inside it.
 *
 * @param documentId    the source document (ids are unique per tenant)
 * @param chunkPosition position of the chunk the fact was read from, or null
 * @param turnIndex     0-based index of the conversation turn the fact was said in, or null
 */
public record MemorySource(String documentId, Integer chunkPosition, Integer turnIndex) {

    public MemorySource {
        Objects.requireNonNull(documentId, "source documentId");
    }

    /** A whole document as the source. */
    public static MemorySource of(String documentId) {
        return new MemorySource(documentId, null, null);
    }
}
