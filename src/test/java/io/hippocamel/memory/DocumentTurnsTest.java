package io.hippocamel.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.conversation.ConversationService;
import io.hippocamel.conversation.Transcript;
import io.hippocamel.conversation.Turn;
import io.hippocamel.memory.extract.ExtractionInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory part reads conversation documents as the conversation part writes them. */
class DocumentTurnsTest {

    @Test
    void readsTheTranscriptFormat() {
        String text = Transcript.format(List.of(new Turn("user", "I live in Oslo.\n\nIt is cold."),
                new Turn("assistant", "Stay warm!"), new Turn("user", "I will.")));
        assertThat(DocumentTurns.parse(text)).containsExactly(
                new ExtractionInput.Turn("user", "I live in Oslo.\n\nIt is cold.", 0),
                new ExtractionInput.Turn("assistant", "Stay warm!", 1),
                new ExtractionInput.Turn("user", "I will.", 2));
        assertThat(DocumentTurns.isConversation(ConversationService.documentCustomId("tag", "c1"))).isTrue();
        assertThat(DocumentTurns.isConversation("my-note")).isFalse();
    }
}
