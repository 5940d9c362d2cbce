package io.hippocamel.memory.extract;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Picks the extractor: the LLM one (with the built-in one as its fallback) when a base URL is set, else built-in. */
public final class ExtractorFactory {

    private ExtractorFactory() {
    }

    /** {@code settings} may be null (no LLM configured). */
    public static Extractor create(LlmExtractorSettings settings, ObjectMapper json) {
        BuiltInExtractor builtIn = new BuiltInExtractor();
        return settings != null && settings.configured() ? new LlmExtractor(settings, builtIn, json) : builtIn;
    }
}
