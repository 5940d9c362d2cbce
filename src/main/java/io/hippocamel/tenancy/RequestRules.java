package io.hippocamel.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request rules every entry point shares (the API, the {@code memory:} component, the router, connectors):
 * container tags, customIds, metadata and numeric ranges, with Supermemory's limits. A broken rule is an
 * {@link InvalidRequestException} naming the field; each entry point maps it to its own error (400, a Camel
 * exception).
 */
public final class RequestRules {

    /** Supermemory's container tag charset (plus dots, which its add endpoint documents), at most 100 chars. */
    private static final Pattern CONTAINER_TAG = Pattern.compile("[a-zA-Z0-9_:.\\-]{1,100}");
    /** Supermemory's customId charset (letters, digits, '-', '_', ':' and '.'); up to 255 chars as GET returns. */
    private static final Pattern CUSTOM_ID = Pattern.compile("[a-zA-Z0-9_:.\\-]{1,255}");
    private static final Pattern METADATA_KEY = Pattern.compile("[a-zA-Z0-9_.\\-]{1,64}");
    /** The tag of documents that name none. */
    public static final String DEFAULT_CONTAINER_TAG = "sm_project_default";
    public static final int MAX_CUSTOM_ID = 255;

    private RequestRules() {
    }

    /** Whether a text is a valid container tag. */
    public static boolean isContainerTag(String tag) {
        return tag != null && CONTAINER_TAG.matcher(tag).matches();
    }

    /** Whether a text is a valid customId. */
    public static boolean isCustomId(String id) {
        return id != null && CUSTOM_ID.matcher(id).matches();
    }

    public static String containerTag(String tag, String field) {
        if (tag == null) {
            return null;
        }
        if (!CONTAINER_TAG.matcher(tag).matches()) {
            throw new InvalidRequestException(field + " must be 1-100 characters: letters, digits, '-', '_', ':' and '.'"
                    + " only (got '" + abbreviate(tag) + "')");
        }
        return tag;
    }

    public static String customId(String id) {
        if (id != null && !CUSTOM_ID.matcher(id).matches()) {
            throw new InvalidRequestException("customId must be 1-" + MAX_CUSTOM_ID
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
            throw new InvalidRequestException("metadata must be an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            if (!METADATA_KEY.matcher(key).matches()) {
                throw new InvalidRequestException("metadata key '" + abbreviate(key)
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
                    throw new InvalidRequestException("metadata." + key + " must be an array of strings");
                }
                items.add(item.asText());
            }
            return items;
        }
        throw new InvalidRequestException("metadata." + key
                + " must be a string, number, boolean or array of strings (no nested objects)");
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
            throw new InvalidRequestException(field + " must be an integer");
        }
        if (value < min || value > max) {
            throw new InvalidRequestException(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static double fraction(JsonNode node, String field, double fallback) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isNumber() && !(v.isTextual() && v.asText().matches("-?\\d+(\\.\\d+)?"))) {
            throw new InvalidRequestException(field + " must be a number between 0 and 1");
        }
        double value = v.asDouble();
        if (value < 0 || value > 1) {
            throw new InvalidRequestException(field + " must be between 0 and 1");
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
        throw new InvalidRequestException(name + " must be a boolean");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
