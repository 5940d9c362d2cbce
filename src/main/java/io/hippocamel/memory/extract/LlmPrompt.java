package io.hippocamel.memory.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * The chat messages the {@link LlmExtractor} sends for one window of an input: instructions with the JSON schema of
 * the answer, then the known memories (with ids) and the numbered sentences or turns the facts must cite.
 */
final class LlmPrompt {

    /** A citable piece of the input: a document sentence (numbered from 1) or a turn (numbered by its index). */
    record Unit(int label, String role, String text, boolean userAuthored, Provenance provenance) {
    }

    static final String SYSTEM = """
            You extract memories: short, self-contained facts worth remembering about the user (or, for a \
            document, about the people, organisations and things it describes), to personalise future \
            conversations.
            Rules:
            - Take facts only from user-authored text: document sentences, and turns whose role is not assistant, \
            system or tool. Assistant turns are context only, unless the user confirms or repeats what they say.
            - Skip questions, greetings, thanks, small talk, instructions to the assistant and anything not \
            worth remembering.
            - One fact per item, one short sentence, naming its subject (use the speaker's name or "the user" \
            rather than "I" where clear).
            - isStatic is true for lasting traits (identity, role, preferences, relationships, habits) and false \
            for recent or time-bound context (events, plans, current projects, moods).
            - Compare each fact with the known memories: "duplicate" when a known memory already says it, \
            "updates" when it replaces a known memory (a changed value, a contradiction), "extends" when it adds \
            detail to a known memory that stays true, else "new". targetId is the id of that known memory, \
            exactly as given, and null for "new".
            - temporalContext: the date or time phrase the fact is anchored to, as said (e.g. "last Saturday", \
            "8 May 2023"), else null.
            - sources: the numbers in square brackets of the sentences or turns the fact comes from.
            Answer with one JSON object and nothing else, of this form:
            {"facts": [{"content": "string", "isStatic": false, \
            "decision": "new" | "duplicate" | "updates" | "extends", "targetId": "string or null", \
            "temporalContext": "string or null", "sources": [1]}]}
            Answer {"facts": []} when there is nothing worth remembering.""";

    private LlmPrompt() {
    }

    /** The user message of one window. */
    static String user(ExtractionInput input, List<Unit> window) {
        StringBuilder out = new StringBuilder();
        out.append("Known memories (id: content):\n");
        if (input.known().isEmpty()) {
            out.append("(none)\n");
        }
        for (KnownMemory memory : input.known()) {
            out.append("- ").append(memory.id()).append(": ").append(oneLine(memory.content()))
                    .append(memory.isStatic() ? " [static]" : "").append('\n');
        }
        out.append('\n');
        if (input.kind() == ExtractionInput.Kind.DOCUMENT) {
            out.append("Document");
            if (input.title() != null && !input.title().isBlank()) {
                out.append(" \"").append(oneLine(input.title())).append('"');
            }
            out.append(", sentence by sentence:\n");
            for (Unit unit : window) {
                out.append('[').append(unit.label()).append("] ").append(oneLine(unit.text())).append('\n');
            }
        } else {
            out.append("Conversation turns ([index] role: content):\n");
            for (Unit unit : window) {
                out.append('[').append(unit.label()).append("] ").append(unit.role()).append(": ")
                        .append(oneLine(unit.text())).append('\n');
            }
        }
        return out.toString();
    }

    /** The input's citable units, in order. */
    static List<Unit> units(ExtractionInput input) {
        List<Unit> units = new ArrayList<>();
        if (input.kind() == ExtractionInput.Kind.DOCUMENT) {
            int label = 1;
            for (SentenceSplitter.Sentence s : SentenceSplitter.split(input.text())) {
                units.add(new Unit(label++, "document", s.text(), true, new Provenance(List.of(),
                        List.of(new Provenance.Span(-1, s.start(), s.end())))));
            }
        } else {
            for (ExtractionInput.Turn turn : input.turns()) {
                if (!turn.content().isBlank()) {
                    units.add(new Unit(turn.index(), turn.role(), turn.content(), turn.userAuthored(),
                            new Provenance(List.of(turn.index()), List.of(new Provenance.Span(turn.index(), 0,
                                    turn.content().length())))));
                }
            }
        }
        return units;
    }

    /** Consecutive units of at most {@code budget} characters each (a longer unit alone). */
    static List<List<Unit>> windows(List<Unit> units, int budget) {
        List<List<Unit>> windows = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int size = 0;
        for (Unit unit : units) {
            if (!current.isEmpty() && size + unit.text().length() > budget) {
                windows.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(unit);
            size += unit.text().length();
        }
        if (!current.isEmpty()) {
            windows.add(current);
        }
        return windows;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
