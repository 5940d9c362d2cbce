package io.hippocamel.ingest;

import io.hippocamel.core.StoredDocument;
import java.util.List;

/** A chunked document with one vector (and one context, possibly null) per chunk, ready to be indexed. */
public record EmbeddedDocument(StoredDocument document, List<String> chunks, List<ChunkContext.Context> contexts,
                               List<float[]> vectors) {
}
