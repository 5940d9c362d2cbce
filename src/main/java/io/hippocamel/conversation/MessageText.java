package io.hippocamel.conversation;

import com.fasterxml.jackson.databind.JsonNode;

/** The plain text of a chat message's content in OpenAI or Anthropic form: a string, or its text parts. */
public final class MessageText {

    private MessageText() {
    }

    public static String of(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                String t = part.isTextual() ? part.asText()
                        : part.has("text") ? part.path("text").asText()
                        : part.has("content") ? of(part.get("content")) : "";
                if (!t.isEmpty()) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }
}
