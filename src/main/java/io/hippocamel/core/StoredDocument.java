package io.hippocamel.core;

import java.time.Instant;
import java.util.Map;

/**
 * A document as the store keeps it: what the user sent, where it is in the pipeline and what came out of it.
 *
 * @param id          22-character public id
 * @param tenant      owning tenant (derived from the API key)
 * @param containerTag the one container tag the document belongs to
 * @param customId    the caller's own id (unique per tenant), or null
 * @param content     the text content, or the URL as sent for URL documents; for files, the extracted text once
 *                    extraction ran (null before)
 * @param title       title found by extraction, or null
 * @param type        Supermemory document type: text, webpage, pdf, ...
 * @param url         the source URL for URL documents, else null
 * @param source      where the document came from: "api", "file", a connector id
 * @param fileName    original file name for uploads, else null
 * @param mimeType    declared or detected media type of an upload, else null
 * @param metadata    flat metadata: String, Number, Boolean or List&lt;String&gt; values
 * @param status      pipeline state
 * @param error       reason of a {@code failed} status, else null
 * @param version     incremented on every content change; pipeline results of an older version are discarded
 * @param chunkCount  number of chunks indexed for the current version
 * @param createdAt   first accepted
 * @param updatedAt   last changed (content, metadata or status)
 */
public record StoredDocument(
        String id,
        String tenant,
        String containerTag,
        String customId,
        String content,
        String title,
        String type,
        String url,
        String source,
        String fileName,
        String mimeType,
        Map<String, Object> metadata,
        DocumentStatus status,
        String error,
        long version,
        int chunkCount,
        Instant createdAt,
        Instant updatedAt) {

    public StoredDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public StoredDocument withStatus(DocumentStatus newStatus, String newError, Instant at) {
        return new StoredDocument(id, tenant, containerTag, customId, content, title, type, url, source, fileName,
                mimeType, metadata, newStatus, newError, version, chunkCount, createdAt, at);
    }

    /** The same content and pipeline state under a new tag, customId and metadata (no re-processing needed). */
    public StoredDocument withLabels(String newContainerTag, String newCustomId, Map<String, Object> newMetadata,
                                     Instant at) {
        return new StoredDocument(id, tenant, newContainerTag, newCustomId, content, title, type, url, source,
                fileName, mimeType, newMetadata, status, error, version, chunkCount, createdAt, at);
    }

    public StoredDocument withExtraction(String newContent, String newTitle, String newType) {
        return new StoredDocument(id, tenant, containerTag, customId, newContent, newTitle, newType, url, source,
                fileName, mimeType, metadata, status, error, version, chunkCount, createdAt, updatedAt);
    }

    public StoredDocument withChunkCount(int count) {
        return new StoredDocument(id, tenant, containerTag, customId, content, title, type, url, source, fileName,
                mimeType, metadata, status, error, version, count, createdAt, updatedAt);
    }

    /** The same document with new content, everything the pipeline produced cleared, queued at {@code newVersion}. */
    public StoredDocument requeued(String newContent, String newContainerTag, String newCustomId, String newType,
                                   String newUrl, String newFileName, String newMimeType,
                                   Map<String, Object> newMetadata, long newVersion, Instant at) {
        return new StoredDocument(id, tenant, newContainerTag, newCustomId, newContent, null, newType, newUrl, source,
                newFileName, newMimeType, newMetadata, DocumentStatus.QUEUED, null, newVersion, 0, createdAt, at);
    }
}
