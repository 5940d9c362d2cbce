package io.hippocamel.store;

import java.util.Optional;

/** The raw bytes of uploaded files, kept until their document is deleted. */
public interface BlobStore {

    /** Keeps the raw bytes of an uploaded file until its document is deleted. Durable. */
    void putBlob(String tenant, String documentId, byte[] content);

    Optional<byte[]> getBlob(String tenant, String documentId);
}
