package io.hippocamel.search;

/** Which retrievers a chunk search uses. */
public enum SearchMode {
    /** BM25 and vectors, fused (the default). */
    HYBRID,
    /** Vectors only. */
    VECTOR,
    /** BM25 only. */
    TEXT
}
