package io.hippocamel.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.api.Encoding;

/** Counts chat tokens with jtokkit (cl100k): a message costs its text plus a few tokens of framing. */
public class TokenCounter {

    /** Role and separators around each message in the chat formats. */
    static final int PER_MESSAGE = 4;

    private final Encoding encoding;

    public TokenCounter(Encoding encoding) {
        this.encoding = encoding;
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    public int message(JsonNode message) {
        return PER_MESSAGE + count(ChatMessages.text(message));
    }
}
