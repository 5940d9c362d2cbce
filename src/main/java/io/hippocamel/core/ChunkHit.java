package io.hippocamel.core;

/**
 * A chunk found by a store search, with what search needs to present it without another lookup.
 *
 * @param chunk        the chunk, vector included
 * @param containerTag the document's container tag
 * @param score        vector search: {@code (1 + cosine) / 2} in [0,1]; text search: the raw BM25 score (&gt;= 0)
 */
public record ChunkHit(Chunk chunk, String containerTag, float score) {
}
