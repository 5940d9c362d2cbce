package io.hippocamel.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Extracts the assistant's text from an upstream answer: a JSON body or an SSE stream, in the OpenAI or Anthropic
 * format. Anything it cannot read yields an empty string (nothing is stored), never an error.
 */
public class ReplyParser {

    private final ObjectMapper json;

    public ReplyParser(ObjectMapper json) {
        this.json = json;
    }

    public String text(byte[] body, Provider provider, boolean eventStream) {
        String s = new String(body, StandardCharsets.UTF_8);
        return eventStream ? fromEvents(s, provider) : fromJson(s, provider);
    }

    private String fromJson(String body, Provider provider) {
        try {
            JsonNode root = json.readTree(body);
            if (provider == Provider.ANTHROPIC) {
                return ChatMessages.contentText(root.get("content"));
            }
            return ChatMessages.contentText(root.path("choices").path(0).path("message").get("content"));
        } catch (IOException e) {
            return "";
        }
    }

    private String fromEvents(String stream, Provider provider) {
        StringBuilder text = new StringBuilder();
        for (String line : stream.split("\r?\n")) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.isEmpty() || data.equals("[DONE]")) {
                continue;
            }
            try {
                JsonNode event = json.readTree(data);
                JsonNode piece = provider == Provider.ANTHROPIC
                        ? event.path("delta").path("text")
                        : event.path("choices").path(0).path("delta").path("content");
                if (piece.isTextual()) {
                    text.append(piece.asText());
                }
            } catch (IOException e) {
                // a malformed event carries no text we can store; the client got it untouched anyway
            }
        }
        return text.toString();
    }
}
