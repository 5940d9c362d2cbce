package io.hippocamel.memory;

/**
 * A memory found by a store search.
 *
 * @param memory the memory as seen at search time, vector included
 * @param score  vector search: {@code (1 + cosine) / 2} in [0,1]; text search: the raw BM25 score (&gt;= 0)
 */
public record MemoryHit(Memory memory, float score) {
}
