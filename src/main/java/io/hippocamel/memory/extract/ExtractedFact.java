package io.hippocamel.memory.extract;

import java.util.Objects;

/**
 * One fact learnt from an input.
 *
 * @param content         the fact, one short sentence
 * @param isStatic        a lasting trait (name, preference, role) rather than recent or time-bound context
 * @param decision        what it means for the known memories
 * @param targetId        the known memory it duplicates, updates or extends; null exactly when {@code decision} is NEW
 * @param temporalContext when it happened or holds, as said in the input (e.g. "yesterday", "8 May 2023"), or null
 * @param provenance      the turns and spans it came from
 */
public record ExtractedFact(String content, boolean isStatic, Decision decision, String targetId,
                            String temporalContext, Provenance provenance) {

    public ExtractedFact {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(provenance, "provenance");
        if (decision.hasTarget() != (targetId != null)) {
            throw new IllegalArgumentException("a " + decision + " fact " + (targetId == null ? "needs" : "has no")
                    + " target id");
        }
    }
}
