package io.hippocamel.store;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.StoredDocument;

/** Checks and normalisation of chunk vectors that every store applies the same way before writing or searching. */
public final class ChunkVectors {

    private ChunkVectors() {
    }

    /** Refuses a chunk of another document, without a vector, or with a vector of the wrong dimension. */
    public static void validate(StoredDocument document, Chunk chunk, int dimension) {
        if (!document.id().equals(chunk.documentId())) {
            throw new IllegalArgumentException("chunk " + chunk.id() + " belongs to " + chunk.documentId()
                    + ", not to " + document.id());
        }
        if (chunk.vector() == null) {
            throw new IllegalArgumentException("chunk " + chunk.id() + " has no vector");
        }
        checkDimension(chunk.vector(), dimension);
    }

    public static void checkDimension(float[] vector, int dimension) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the store " + dimension);
        }
    }

    /** The chunk as given when its vector is unit length (as embedders deliver it), else with a normalised copy. */
    public static Chunk withUnitVector(Chunk chunk) {
        float[] unit = unit(chunk.vector());
        return unit == chunk.vector() ? chunk
                : new Chunk(chunk.id(), chunk.documentId(), chunk.position(), chunk.text(), unit, chunk.context());
    }

    /**
     * Dot product equals cosine only for unit vectors, so anything else is scaled to length 1. Vectors already within
     * rounding of 1 are returned as they are, so stored vectors come back exactly as given.
     */
    public static float[] unit(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        double norm = Math.sqrt(squares);
        if (norm == 0 || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("vector must be finite and not zero");
        }
        if (Math.abs(norm - 1) < 1e-4) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
