package io.hippocamel.ingest;

/** A document's content could not be turned into text; the document fails with this message as its reason. */
public class ExtractionException extends RuntimeException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
