package io.hippocamel.store;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Scope;
import java.util.List;

/**
 * BM25 and vector search over chunks, scoped by tenant, container tags and metadata filters; scores as
 * {@link MemoryStore} states them.
 */
public interface ChunkSearch {

    /**
     * BM25 search over chunk text in scope, restricted by the metadata filter (null = none) and, when
     * {@code documentId} is not null, to that document.
     */
    List<ChunkHit> searchText(Scope scope, String query, MetadataFilter filter, String documentId, int k);

    /** Approximate nearest-neighbour search over chunk vectors, with the same restrictions as {@link #searchText}. */
    List<ChunkHit> searchVector(Scope scope, float[] vector, MetadataFilter filter, String documentId, int k);

    /** Number of chunks in the store (all tenants): for health and benchmarks. */
    long chunkCount();
}
