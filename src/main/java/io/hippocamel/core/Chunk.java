package io.hippocamel.core;

/**
 * One indexed piece of a document.
 *
 * @param id         stable id: {@code <documentId>-<position>}
 * @param documentId the owning document
 * @param position   0-based order within the document
 * @param text       the chunk text shown to users and matched by BM25
 * @param vector     unit-length embedding of the chunk (of its contextualised text), or null when not loaded
 * @param context    what the chunk is found by besides its text, never shown as its content: its document's title
 *                   and selected metadata, the message before it in its thread. Stores index it for BM25 together
 *                   with {@code text} and keep it with the chunk; the vector was embedded from context and text.
 *                   Null when there is none.
 */
public record Chunk(String id, String documentId, int position, String text, float[] vector, String context) {

    /** A chunk without context. */
    public Chunk(String id, String documentId, int position, String text, float[] vector) {
        this(id, documentId, position, text, vector, null);
    }

    public static String idFor(String documentId, int position) {
        return documentId + "-" + position;
    }
}
