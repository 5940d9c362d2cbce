package io.hippocamel.ingest;

import io.hippocamel.core.StoredDocument;
import java.util.List;

/**
 * A document whose text has been extracted and cut into chunks, waiting to be embedded.
 *
 * @param contexts one {@link ChunkContext.Context} per chunk
 */
public record ChunkedDocument(StoredDocument document, List<String> chunks, List<ChunkContext.Context> contexts) {
}
