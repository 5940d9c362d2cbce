package io.hippocamel.search;

import io.hippocamel.core.ChunkHit;

/**
 * A search result chunk.
 *
 * @param hit        the chunk as the store found it
 * @param similarity {@code (1 + cosine(query, chunk)) / 2}, in [0,1]: the score users see and thresholds apply to
 * @param rank       fused ranking score (only its order matters)
 */
public record ScoredChunk(ChunkHit hit, double similarity, double rank) {
}
