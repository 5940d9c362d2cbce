package io.hippocamel.memory;

import io.hippocamel.memory.extract.ExtractionResult;
import io.hippocamel.memory.extract.Extractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Extraction step 3: runs the extractor (which never throws for content and falls back on its own). */
public class FactExtraction {

    private static final Logger LOG = LoggerFactory.getLogger(FactExtraction.class);

    private final Extractor extractor;

    public FactExtraction(Extractor extractor) {
        this.extractor = extractor;
    }

    public ExtractedFacts extract(ExtractionRequest request) {
        ExtractionResult result = extractor.extract(request.input());
        if (result.fellBack()) {
            LOG.warn("memory extraction of document {} fell back to the built-in extractor: {}",
                    request.source().document().id(), result.fallbackReason());
        }
        return new ExtractedFacts(request, result);
    }
}
