package io.hippocamel.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.hippocamel.core.DocumentSort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates the JSON fields of API requests, with Supermemory's rules and 400 errors that name the field.
 */
public class RequestReader {

    /** Supermemory's container tag charset (plus dots, which its add endpoint documents), at most 100 chars. */
    private static final Pattern CONTAINER_TAG = Pattern.compile("[a-zA-Z0-9_:.\\-]{1,100}");
    /** Supermemory's customId charset (letters, digits, '-', '_', ':' and '.'); up to 255 chars as GET returns. */
    private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_:.\\-]{1,255}");
    private static final Pattern METADATA_KEY = Pattern.compile("[a-zA-Z0-9_.\\-]{1,64}");
    public static final String DEFAULT_CONTAINER_TAG = "sm_project_default";
    private static final int MAX_CUSTOM_ID = 255;

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

    public static String containerTag(String tag, String field) {
        if (tag == null) {
            return null;
        }
        if (!CONTAINER_TAG.matcher(tag).matches()) {
            throw ApiException.badRequest(field + " must be 1-100 characters: letters, digits, '-', '_', ':' and '.'"
                    + " only (got '" + abbreviate(tag) + "')");
        }
        return tag;
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
        return customId(string(node, "customId", false, MAX_CUSTOM_ID));
    }

    public static String customId(String id) {
        if (id != null && !CUSTOM_ID.matcher(id).matches()) {
            throw ApiException.badRequest("customId must be 1-" + MAX_CUSTOM_ID
                    + " characters: letters, digits, '-', '_', ':' and '.' only (got '" + abbreviate(id) + "')");
        }
        return id;
    }

    /** Flat metadata: string, number, boolean or array-of-string values; null values only where allowed. */
    public static Map<String, Object> metadata(JsonNode node, boolean allowNullValues) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("metadata must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            if (!METADATA_KEY.matcher(key).matches()) {
                throw ApiException.badRequest("metadata key '" + abbreviate(key)
                        + "' must be 1-64 characters: letters, digits, '_', '.', '-'");
            }
            out.put(key, metadataValue(key, e.getValue(), allowNullValues));
        }
        return out;
    }

    private static Object metadataValue(String key, JsonNode v, boolean allowNull) {
        if (v.isNull() && allowNull) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw ApiException.badRequest("metadata." + key + " must be an array of strings");
                }
                items.add(item.asText());
            }
            return items;
        }
        throw ApiException.badRequest("metadata." + key
                + " must be a string, number, boolean or array of strings (no nested objects)");
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

    public static int integer(JsonNode node, String field, int fallback, int min, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        int value;
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            value = v.intValue();
        } else if (v.isTextual() && v.asText().matches("\\d{1,9}")) {
            value = Integer.parseInt(v.asText());
        } else {
            throw ApiException.badRequest(field + " must be an integer");
        }
        if (value < min || value > max) {
            throw ApiException.badRequest(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static double fraction(JsonNode node, String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() && !(v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?"))) {
            throw ApiException.badRequest(field + " must be a number between 0 and 1");
        }
        double value = v.asDouble();
        if (value < 0 || value > 1) {
            throw ApiException.badRequest(field + " must be between 0 and 1");
        }
        return value;
    }

    public static boolean bool(JsonNode node, String field, boolean fallback) {
        return bool(node, field, field, fallback);
    }

    /** A boolean field whose errors name it as {@code name} (e.g. include.documents). */
    public static boolean bool(JsonNode node, String field, String name, boolean fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw ApiException.badRequest(name + " must be a boolean");
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

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
