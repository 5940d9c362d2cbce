package io.hippocamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import static io.hippocamel.tenancy.RequestRules.DEFAULT_CONTAINER_TAG;
import static io.hippocamel.tenancy.RequestRules.MAX_CUSTOM_ID;
import static io.hippocamel.tenancy.RequestRules.containerTag;
import static io.hippocamel.tenancy.RequestRules.metadata;

import io.hippocamel.core.DocumentSort;
import io.hippocamel.tenancy.RequestRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and validates the JSON fields of API requests, with Supermemory's rules and 400 errors that name the field.
 */
public class RequestReader {


    private final ObjectMapper json;
    /** Strict reader: anything after the JSON value ({"q":"x"}}) is malformed, not silently dropped. */
    private final ObjectReader strict;

    public RequestReader(ObjectMapper json) {
        this.json = json;
        this.strict = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Parses a request body that must be a JSON object; an empty body reads as {}. */
    public JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = strict.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "Malformed JSON", e.getOriginalMessage());
        }
    }

    /** A nested object field such as {@code include}; absent or null reads as {}, any other type is a 400. */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!v.isObject()) {
            throw ApiException.badRequest(field + " must be an object");
        }
        return v;
    }

    public static String string(JsonNode node, String field, boolean required, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest(field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        String s = v.asText();
        if (s.length() > maxLength) {
            throw ApiException.badRequest(field + " must be at most " + maxLength + " characters");
        }
        return s;
    }

    public static String content(JsonNode node, long maxChars) {
        String content = string(node, "content", true, Integer.MAX_VALUE);
        if (content.isBlank()) {
            throw ApiException.badRequest("content must not be empty");
        }
        if (content.length() > maxChars) {
            throw new ApiException(413, "Content too large", "content must be at most " + maxChars + " characters");
        }
        return content;
    }

    /** Container tags of a request: {@code containerTag}, legacy {@code containerTags}, or seed-style {@code user_id}. */
    public static List<String> containerTags(JsonNode node) {
        List<String> tags = new ArrayList<>();
        String single = containerTag(string(node, "containerTag", false, 1000), "containerTag");
        if (single != null) {
            tags.add(single);
        }
        JsonNode many = node.get("containerTags");
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                throw ApiException.badRequest("containerTags must be an array of strings");
            }
            for (JsonNode t : many) {
                if (!t.isTextual()) {
                    throw ApiException.badRequest("containerTags must be an array of strings");
                }
                String tag = containerTag(t.asText(), "containerTags");
                if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
        }
        String userId = containerTag(string(node, "user_id", false, 1000), "user_id");
        if (userId != null && !tags.contains(userId)) {
            tags.add(userId);
        }
        return tags;
    }

    /** The one tag a new document goes to: the first tag given, else {@code fallback}, else the default. */
    public static String documentTag(JsonNode node, String fallback) {
        List<String> tags = containerTags(node);
        if (!tags.isEmpty()) {
            return tags.get(0);
        }
        return fallback == null ? DEFAULT_CONTAINER_TAG : fallback;
    }

    public static String customId(JsonNode node) {
        return RequestRules.customId(string(node, "customId", false, MAX_CUSTOM_ID));
    }

    /** A multipart {@code containerTags} field: a JSON array string or a single tag. */
    public List<String> containerTagsFromString(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String v = text.strip();
        if (!v.startsWith("[")) {
            return List.of(containerTag(v, "containerTags"));
        }
        try {
            return containerTags(json.createObjectNode().set("containerTags", json.readTree(v)));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("containerTags must be a JSON array of strings or a single tag");
        }
    }

    /** Parses a metadata object sent as a JSON string (multipart uploads). */
    public Map<String, Object> metadataFromString(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return metadata(json.readTree(text), false);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("metadata must be a JSON object string");
        }
    }


    public static DocumentSort sort(JsonNode node) {
        String sort = string(node, "sort", false, 20);
        String order = string(node, "order", false, 10);
        DocumentSort.Field field = switch (sort == null ? "createdAt" : sort) {
            case "createdAt" -> DocumentSort.Field.CREATED_AT;
            case "updatedAt" -> DocumentSort.Field.UPDATED_AT;
            default -> throw ApiException.badRequest("sort must be createdAt or updatedAt");
        };
        boolean descending = switch (order == null ? "desc" : order.toLowerCase(Locale.ROOT)) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw ApiException.badRequest("order must be asc or desc");
        };
        return new DocumentSort(field, descending);
    }

}
