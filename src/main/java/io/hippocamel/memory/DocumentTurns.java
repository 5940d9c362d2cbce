package io.hippocamel.memory;

import io.hippocamel.memory.extract.ExtractionInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the turns of a conversation document. The format is the conversation part's transcript ("role: text"
 * blocks); it is read here because the memory part may not depend on the conversation part (see ArchitectureTest),
 * and {@code DocumentTurnsTest} checks both agree.
 */
final class DocumentTurns {

    /** The customId prefix of conversation documents (ConversationService.CUSTOM_ID_PREFIX). */
    static final String CONVERSATION_PREFIX = "conversation~";

    private static final Pattern TURN = Pattern.compile("(?m)^(user|assistant|system|tool): ");

    private DocumentTurns() {
    }

    static boolean isConversation(String customId) {
        return customId != null && customId.startsWith(CONVERSATION_PREFIX);
    }

    /** The turns, numbered from 0 in order. */
    static List<ExtractionInput.Turn> parse(String text) {
        List<ExtractionInput.Turn> turns = new ArrayList<>();
        if (text == null) {
            return turns;
        }
        Matcher m = TURN.matcher(text);
        String role = null;
        int start = 0;
        while (m.find()) {
            if (role != null) {
                turns.add(new ExtractionInput.Turn(role, text.substring(start, m.start()).strip(), turns.size()));
            }
            role = m.group(1);
            start = m.end();
        }
        if (role != null) {
            turns.add(new ExtractionInput.Turn(role, text.substring(start).strip(), turns.size()));
        }
        return turns;
    }
}
