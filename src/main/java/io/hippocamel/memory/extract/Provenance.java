package io.hippocamel.memory.extract;

import java.util.List;
import java.util.Objects;

/**
 * Where in the input a fact came from: the conversation turns (their {@link ExtractionInput.Turn#index()}) and the
 * character spans. A span's offsets are into the turn's content for conversations ({@code turn} = its index) and into
 * the text for documents ({@code turn} = -1). Both lists may be empty when the source is the input as a whole.
 */
public record Provenance(List<Integer> turnIndexes, List<Span> spans) {

    /** Characters {@code [start, end)} of a turn's content (or of the document text when {@code turn} is -1). */
    public record Span(int turn, int start, int end) {
    }

    public static final Provenance NONE = new Provenance(List.of(), List.of());

    public Provenance {
        turnIndexes = List.copyOf(Objects.requireNonNull(turnIndexes, "turnIndexes"));
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    }

    /** Both provenances together (turn indexes without repeats, in order of first appearance). */
    public Provenance merge(Provenance other) {
        List<Integer> turns = new java.util.ArrayList<>(turnIndexes);
        other.turnIndexes.stream().filter(t -> !turns.contains(t)).forEach(turns::add);
        List<Span> all = new java.util.ArrayList<>(spans);
        other.spans.stream().filter(s -> !all.contains(s)).forEach(all::add);
        return new Provenance(turns, all);
    }

    /** Whether the two name a common turn or overlapping spans. */
    public boolean overlaps(Provenance other) {
        if (turnIndexes.stream().anyMatch(other.turnIndexes::contains)) {
            return true;
        }
        for (Span a : spans) {
            for (Span b : other.spans) {
                if (a.turn() == b.turn() && a.start() < b.end() && b.start() < a.end()) {
                    return true;
                }
            }
        }
        return false;
    }
}
