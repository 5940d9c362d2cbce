package io.hippocamel.memory;

import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.Transcript;
import io.hippocamel.conversation.Turn;
import io.hippocamel.memory.extract.ExtractionInput;
import java.util.ArrayList;
import java.util.List;

/** Reads a conversation document as the extractor's numbered turns, through the conversation part's transcript. */
final class DocumentTurns {

    private DocumentTurns() {
    }

    static boolean isConversation(String customId) {
        return customId != null && customId.startsWith(ConversationService.CUSTOM_ID_PREFIX);
    }

    /** The turns, numbered from 0 in order. */
    static List<ExtractionInput.Turn> parse(String text) {
        List<ExtractionInput.Turn> turns = new ArrayList<>();
        if (text == null) {
            return turns;
        }
        for (Turn turn : Transcript.parse(text)) {
            turns.add(new ExtractionInput.Turn(turn.role(), turn.text(), turns.size()));
        }
        return turns;
    }
}
