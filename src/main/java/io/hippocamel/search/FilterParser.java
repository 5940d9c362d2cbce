package io.hippocamel.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.FilterType;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses Supermemory's {@code filters} JSON ({@code {"AND"|"OR": [...]}}, also sent as a JSON string) into a
 * {@link MetadataFilter}, enforcing the documented limits (8 levels of nesting, 200 conditions) and our own on
 * string_contains values ({@link MetadataFilter#MAX_CONTAINS_CHARS}).
 */
public class FilterParser {

    public static final int MAX_DEPTH = 8;
    public static final int MAX_CONDITIONS = 200;

    private final ObjectMapper json;

    public FilterParser(ObjectMapper json) {
        this.json = json;
    }

    /** Returns null for an absent, null or empty filter. */
    public MetadataFilter parse(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                node = json.readTree(text);
            } catch (JsonProcessingException e) {
                throw new InvalidFilterException("filters is a string but not valid JSON");
            }
        }
        if (!node.isObject()) {
            throw new InvalidFilterException("filters must be an object like {\"AND\": [...]} or {\"OR\": [...]}");
        }
        if (node.isEmpty()) {
            return null;
        }
        int[] conditions = {0};
        return group(node, 1, conditions);
    }

    private MetadataFilter group(JsonNode node, int depth, int[] conditions) {
        if (depth > MAX_DEPTH) {
            throw new InvalidFilterException("filters nest more than " + MAX_DEPTH + " levels of AND/OR");
        }
        boolean and = node.has("AND");
        boolean or = node.has("OR");
        if (and == or || node.size() != 1) {
            throw new InvalidFilterException("a filter group must have exactly one key, AND or OR");
        }
        JsonNode items = node.get(and ? "AND" : "OR");
        if (!items.isArray()) {
            throw new InvalidFilterException((and ? "AND" : "OR") + " must be an array");
        }
        List<MetadataFilter> children = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new InvalidFilterException("each filter entry must be an object");
            }
            if (item.has("AND") || item.has("OR")) {
                children.add(group(item, depth + 1, conditions));
            } else {
                if (++conditions[0] > MAX_CONDITIONS) {
                    throw new InvalidFilterException("filters have more than " + MAX_CONDITIONS + " conditions");
                }
                children.add(condition(item));
            }
        }
        return and ? new MetadataFilter.And(children) : new MetadataFilter.Or(children);
    }

    private static final Map<String, FilterType> TYPES = Map.of(
            "metadata", FilterType.METADATA,
            "numeric", FilterType.NUMERIC,
            "array_contains", FilterType.ARRAY_CONTAINS,
            "string_contains", FilterType.STRING_CONTAINS);

    private Condition condition(JsonNode item) {
        JsonNode key = item.get("key");
        if (key == null || !key.isTextual() || key.asText().isBlank()) {
            throw new InvalidFilterException("each filter condition needs a non-empty string key");
        }
        JsonNode value = item.get("value");
        if (value == null || !(value.isTextual() || value.isNumber() || value.isBoolean())) {
            throw new InvalidFilterException("filter condition '" + key.asText() + "' needs a value");
        }
        String typeName = text(item, "filterType", "metadata").toLowerCase(Locale.ROOT);
        FilterType type = TYPES.get(typeName);
        if (type == null) {
            throw new InvalidFilterException("filterType must be one of metadata, numeric, array_contains, "
                    + "string_contains (got '" + typeName + "')");
        }
        if (type == FilterType.STRING_CONTAINS && value.asText().length() > MetadataFilter.MAX_CONTAINS_CHARS) {
            throw new InvalidFilterException("string_contains filter '" + key.asText() + "' value must be at most "
                    + MetadataFilter.MAX_CONTAINS_CHARS + " characters");
        }
        NumericOperator operator = NumericOperator.EQ;
        if (type == FilterType.NUMERIC) {
            try {
                Double.parseDouble(value.asText());
                operator = NumericOperator.fromSymbol(text(item, "numericOperator", "="));
            } catch (NumberFormatException e) {
                throw new InvalidFilterException("numeric filter '" + key.asText() + "' needs a numeric value");
            } catch (IllegalArgumentException e) {
                throw new InvalidFilterException(e.getMessage());
            }
        }
        return new Condition(key.asText(), value.asText(), type, operator, bool(item, "negate"),
                bool(item, "ignoreCase"));
    }

    private static String text(JsonNode item, String field, String fallback) {
        JsonNode n = item.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    /** Booleans arrive as true/false or "true"/"false". */
    private static boolean bool(JsonNode item, String field) {
        JsonNode n = item.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = n.asText().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new InvalidFilterException(field + " must be true or false");
    }
}
