package io.hippocamel.memory.extract;

import java.util.List;
import java.util.Objects;

/**
 * The facts of one input and who produced them.
 *
 * @param facts          in input order
 * @param producer       the adapter whose facts these are
 * @param fallbackReason why the LLM adapter fell back to the built-in extractor, in whole or in part (then some or all
 *                       facts are the built-in extractor's), or null when it did not
 */
public record ExtractionResult(List<ExtractedFact> facts, Producer producer, String fallbackReason) {

    /** The adapter that produced a result. */
    public enum Producer { BUILT_IN, LLM }

    public ExtractionResult {
        facts = List.copyOf(Objects.requireNonNull(facts, "facts"));
        Objects.requireNonNull(producer, "producer");
    }

    /** Whether the built-in extractor stood in for the LLM (for all or part of the input). */
    public boolean fellBack() {
        return fallbackReason != null;
    }
}
