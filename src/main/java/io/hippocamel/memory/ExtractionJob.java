package io.hippocamel.memory;

import java.util.Objects;

/** A document whose current version needs its memories extracted. */
public record ExtractionJob(String tenant, String documentId) {

    public ExtractionJob {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
    }
}
