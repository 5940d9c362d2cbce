package io.hippocamel.embed;

/** The embedder could not produce vectors (model failure, remote endpoint down or answering badly). */
public class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddingException(String message) {
        super(message);
    }
}
