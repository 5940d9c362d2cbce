package io.hippocamel.memory.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the JSON a model wrote, as far as it is valid: the first fenced {@code ```json} block if there is one, from
 * its first brace; trailing commas, single quotes, comments and unquoted names allowed; and when the text is cut off
 * or broken, the largest valid prefix, keeping every array element and field that was complete and dropping objects
 * that were not closed. Thread-safe.
 */
final class LenientJson {

    /** What was read: the value (null when no JSON was found) and whether it was read to its end. */
    record Parsed(JsonNode root, boolean complete) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private LenientJson() {
    }

    static Parsed parse(String content) {
        if (content == null) {
            return new Parsed(null, false);
        }
        String text = unfence(content);
        int start = firstBrace(text);
        if (start < 0) {
            return new Parsed(null, false);
        }
        text = text.substring(start);
        try {
            return new Parsed(MAPPER.readTree(text), true);
        } catch (IOException e) {
            return new Parsed(salvage(text), false);
        }
    }

    /** The content of the first {@code ```} fence (closed or not), or the text itself. */
    private static String unfence(String content) {
        int fence = content.indexOf("```");
        if (fence < 0) {
            return content;
        }
        int bodyStart = content.indexOf('\n', fence);
        if (bodyStart < 0) {
            return content.substring(fence + 3);
        }
        int close = content.indexOf("```", bodyStart);
        return content.substring(bodyStart + 1, close < 0 ? content.length() : close);
    }

    private static int firstBrace(String text) {
        int object = text.indexOf('{');
        int array = text.indexOf('[');
        return object < 0 ? array : array < 0 ? object : Math.min(object, array);
    }

    /** An open container and where it hangs (so an unfinished one can be taken off again). */
    private record Open(ContainerNode<?> node, ContainerNode<?> parent) {
    }

    private static JsonNode salvage(String text) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        Deque<Open> open = new ArrayDeque<>();
        JsonNode root = null;
        String field = null;
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        ContainerNode<?> node = token == JsonToken.START_OBJECT ? nodes.objectNode()
                                : nodes.arrayNode();
                        ContainerNode<?> parent = open.isEmpty() ? null : open.peek().node();
                        attach(parent, field, node);
                        root = root == null ? node : root;
                        open.push(new Open(node, parent));
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        if (open.isEmpty()) {
                            return root;
                        }
                    }
                    case FIELD_NAME -> field = parser.currentName();
                    default -> {
                        if (open.isEmpty()) {
                            return null;
                        }
                        attach(open.peek().node(), field, MAPPER.readTree(parser));
                        field = null;
                    }
                }
            }
        } catch (IOException e) {
            // cut off or broken here: keep what was complete
        }
        for (Open o : open) {
            if (o.node() instanceof ObjectNode && o.parent() instanceof ArrayNode parentArray) {
                for (int i = parentArray.size() - 1; i >= 0; i--) {
                    if (parentArray.get(i) == o.node()) {
                        parentArray.remove(i);
                        break;
                    }
                }
            }
        }
        return root;
    }

    private static void attach(ContainerNode<?> parent, String field, JsonNode value) {
        if (parent instanceof ObjectNode object && field != null) {
            object.set(field, value);
        } else if (parent instanceof ArrayNode array) {
            array.add(value);
        }
    }
}
