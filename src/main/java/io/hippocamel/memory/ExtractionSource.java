package io.hippocamel.memory;

import io.hippocamel.core.StoredDocument;
import io.hippocamel.memory.extract.ExtractionInput;

/** A document to learn from, loaded at its current version, and the extractor input it makes (no known memories). */
public record ExtractionSource(ExtractionJob job, StoredDocument document, ExtractionInput input) {
}
