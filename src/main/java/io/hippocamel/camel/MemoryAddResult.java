package io.hippocamel.camel;

import io.hippocamel.core.DocumentStatus;

/**
 * The answer of {@code memory:add}: the document is durable and queued (or unchanged, for a customId re-sent with
 * the same content).
 *
 * @param id     the document's id (also set as the {@code HippocamelDocumentId} header)
 * @param status its status: {@code queued}, or the current one when nothing needed re-processing
 */
public record MemoryAddResult(String id, DocumentStatus status) {
}
