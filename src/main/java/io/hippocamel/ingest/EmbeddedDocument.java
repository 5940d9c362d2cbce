package io.hippocamel.ingest;

import io.hippocamel.core.StoredDocument;
import java.util.List;

/** A chunked document with one vector per chunk, ready to be indexed. */
public record EmbeddedDocument(StoredDocument document, List<String> chunks, List<float[]> vectors) {
}
