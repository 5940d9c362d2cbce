package io.hippocamel.memory;

import io.hippocamel.memory.extract.ExtractionResult;

/** What the extractor learnt from a request. */
public record ExtractedFacts(ExtractionRequest request, ExtractionResult result) {
}
