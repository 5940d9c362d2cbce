package io.hippocamel.memory;

/**
 * A search result memory.
 *
 * @param memory     the memory, as seen at search time
 * @param similarity {@code (1 + cosine(query, memory)) / 2}, in [0,1]: the score users see and thresholds apply to
 * @param rank       fused ranking score (only its order matters)
 */
public record ScoredMemory(Memory memory, double similarity, double rank) {
}
