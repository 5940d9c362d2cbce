package io.hippocamel.ingest;

/** The document was deleted or changed since the job was queued: the job is dropped, not failed. */
public class StaleJobException extends RuntimeException {

    public StaleJobException(IngestJob job) {
        super("document " + job.documentId() + " v" + job.version() + " is gone or has changed", null, false, false);
    }
}
