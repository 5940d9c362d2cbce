package io.hippocamel.ingest;

import java.util.Map;

/**
 * A validated document to add.
 *
 * @param content      text or URL; null for a file upload
 * @param containerTag resolved container tag
 * @param customId     caller's id or null
 * @param metadata     flat metadata
 * @param file         uploaded file or null
 */
public record NewDocument(String content, String containerTag, String customId, Map<String, Object> metadata,
                          FileUpload file) {

    /** An uploaded file. */
    public record FileUpload(byte[] bytes, String fileName, String mimeType) {
    }
}
