package io.hippocamel.ingest;

/** A request to process one version of one document: the message that enters the pipeline. */
public record IngestJob(String tenant, String documentId, long version) {
}
