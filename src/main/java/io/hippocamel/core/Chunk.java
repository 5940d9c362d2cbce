package io.hippocamel.core;

/**
 * One indexed piece of a document.
 *
 * @param id         stable id: {@code <documentId>-<position>}
 * @param documentId the owning document
 * @param position   0-based order within the document
 * @param text       the chunk text shown to users and matched by BM25
 * @param vector     unit-length embedding of the chunk (of its contextualised text), or null when not loaded
 */
public record Chunk(String id, String documentId, int position, String text, float[] vector) {

    public static String idFor(String documentId, int position) {
        return documentId + "-" + position;
    }
}
