package io.hippocamel.memory.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to learn from: a document's text or a conversation's turns, with the known memories a fact may relate to.
 *
 * @param kind     document or conversation
 * @param text     the document text (empty for conversations)
 * @param turns    the conversation turns (empty for documents)
 * @param title    the document title, or null
 * @param metadata the document metadata (may help an LLM; the built-in extractor ignores it)
 * @param known    the container tag's latest memories a fact may duplicate, update or extend: the caller picks the
 *                 relevant ones (e.g. the top k most similar); their ids are the only valid targets
 */
public record ExtractionInput(Kind kind, String text, List<Turn> turns, String title, Map<String, Object> metadata,
                              List<KnownMemory> known) {

    /** The kind of input. */
    public enum Kind { DOCUMENT, CONVERSATION }

    /**
     * One turn of a conversation.
     *
     * @param role    {@code user}, {@code assistant}, {@code system}, {@code tool}, or a speaker's name
     * @param content what was said
     * @param index   the turn's position in the conversation, as the caller numbers it (named in provenance)
     */
    public record Turn(String role, String content, int index) {

        private static final Set<String> NOT_USER = Set.of("assistant", "system", "tool", "function", "developer",
                "model", "ai", "bot");

        public Turn {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }

        /** Whether a person wrote it: any role but the assistant's, the system's and tools' (speaker names count). */
        public boolean userAuthored() {
            return !NOT_USER.contains(role.strip().toLowerCase(Locale.ROOT));
        }
    }

    public ExtractionInput {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        turns = List.copyOf(turns == null ? List.of() : turns);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        known = List.copyOf(known == null ? List.of() : known);
    }

    public static ExtractionInput document(String text, String title, List<KnownMemory> known) {
        return new ExtractionInput(Kind.DOCUMENT, text, List.of(), title, Map.of(), known);
    }

    public static ExtractionInput conversation(List<Turn> turns, List<KnownMemory> known) {
        return new ExtractionInput(Kind.CONVERSATION, "", turns, null, Map.of(), known);
    }

    /** Whether {@code id} is one of the known memories. */
    public boolean knows(String id) {
        return id != null && known.stream().anyMatch(k -> k.id().equals(id));
    }
}
