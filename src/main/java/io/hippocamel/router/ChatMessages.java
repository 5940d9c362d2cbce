package io.hippocamel.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.conversation.MessageText;
import io.hippocamel.conversation.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and edits the messages of a chat body in either wire format: OpenAI (system prompt = messages with role
 * system/developer) and Anthropic (system prompt = the top-level {@code system} string or text blocks).
 */
public final class ChatMessages {

    private ChatMessages() {
    }

    /** The messages array (empty if absent). */
    public static ArrayNode messages(ObjectNode body) {
        JsonNode m = body.get("messages");
        return m instanceof ArrayNode a ? a : body.arrayNode();
    }

    public static boolean isSystem(JsonNode message) {
        String role = message.path("role").asText();
        return role.equals("system") || role.equals("developer");
    }

    /** Text of a message's content: a string, or the text parts of a content array. */
    public static String text(JsonNode message) {
        return contentText(message.get("content"));
    }

    static String contentText(JsonNode content) {
        return MessageText.of(content);
    }

    /** The conversation turns (system prompt excluded), in order. */
    public static List<Turn> turns(ObjectNode body) {
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : messages(body)) {
            if (!isSystem(m)) {
                turns.add(new Turn(m.path("role").asText(), text(m)));
            }
        }
        return turns;
    }

    /** The system prompt text in either format. */
    public static String systemPrompt(ObjectNode body, Provider provider) {
        if (provider == Provider.ANTHROPIC) {
            return contentText(body.get("system"));
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : messages(body)) {
            if (isSystem(m)) {
                sb.append(text(m)).append('\n');
            }
        }
        return sb.toString();
    }

    /** A copy of the body without the messages at the given indexes. */
    public static ObjectNode withoutMessages(ObjectNode body, Set<Integer> drop) {
        ObjectNode copy = body.deepCopy();
        ArrayNode kept = copy.arrayNode();
        ArrayNode all = messages(body);
        for (int i = 0; i < all.size(); i++) {
            if (!drop.contains(i)) {
                kept.add(all.get(i).deepCopy());
            }
        }
        copy.set("messages", kept);
        return copy;
    }

    /** A copy of the body whose system prompt ends with {@code block}. */
    public static ObjectNode withSystemAppendix(ObjectNode body, Provider provider, String block) {
        ObjectNode copy = body.deepCopy();
        if (provider == Provider.ANTHROPIC) {
            JsonNode system = copy.get("system");
            if (system instanceof ArrayNode blocks) {
                blocks.addObject().put("type", "text").put("text", block);
            } else {
                String current = system == null || system.isNull() ? "" : system.asText();
                copy.put("system", current.isBlank() ? block : current + "\n\n" + block);
            }
            return copy;
        }
        ArrayNode messages = messages(copy);
        if (!messages.isEmpty() && isSystem(messages.get(0))) {
            ObjectNode first = (ObjectNode) messages.get(0);
            JsonNode content = first.get("content");
            if (content instanceof ArrayNode parts) {
                parts.addObject().put("type", "text").put("text", block);
            } else {
                String current = content == null || content.isNull() ? "" : content.asText();
                first.put("content", current.isBlank() ? block : current + "\n\n" + block);
            }
        } else {
            ObjectNode system = copy.objectNode().put("role", "system").put("content", block);
            messages.insert(0, system);
            copy.set("messages", messages);
        }
        return copy;
    }
}
