package io.hippocamel.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.InvalidFilterException;
import io.hippocamel.search.SearchMode;
import io.hippocamel.tenancy.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Validates what a flow hands to {@code memory:} (endpoint options, headers, bodies) with exactly the Memory API's
 * rules, by delegating to {@link RequestRules} and {@link FilterParser}; every error names where the bad value
 * came from ("HippocamelContainerTag header", "containerTag option").
 */
public class MemoryRequestValidator {

    /** As {@code POST /v4/search}: 1-100 results. */
    static final int MAX_SEARCH_LIMIT = 100;
    /** As {@code POST /v3/documents/list}: 1-1100 documents per page. */
    static final int MAX_LIST_LIMIT = 1100;
    /** As {@code POST /v3/documents/list}: pages 1 to a million. */
    static final int MAX_PAGE = 1_000_000;
    /** As the search API's {@code q}. */
    static final int MAX_QUERY_CHARS = 10_000;

    private final ObjectMapper json;
    private final FilterParser filters;
    private final long maxContentChars;
    private final long maxFileBytes;

    public MemoryRequestValidator(ObjectMapper json, FilterParser filters, long maxContentChars, long maxFileBytes) {
        this.json = json;
        this.filters = filters;
        this.maxContentChars = maxContentChars;
        this.maxFileBytes = maxFileBytes;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** A container tag (null stays null). */
    public String containerTag(String value, String source) {
        return api(source, () -> RequestRules.containerTag(value, source));
    }

    /** A customId, or a document id (ids use a subset of the customId charset); null stays null. */
    public String customId(String value, String source) {
        return api(source, () -> RequestRules.customId(value));
    }

    /** Flat metadata from a Map or a JSON object string; null stays null. */
    public Map<String, Object> metadata(Object value, String source) {
        if (value == null) {
            return null;
        }
        JsonNode node = value instanceof String text ? parse(text, source) : json.valueToTree(value);
        if (!node.isObject()) {
            throw new InvalidMemoryRequestException(source + " must be a Map or a JSON object");
        }
        return api(source, () -> RequestRules.metadata(node, false));
    }

    /** An integer in [min, max] (a number or digits), or the fallback when absent. */
    public int integer(Object value, String source, int fallback, int min, int max) {
        return api(source, () -> RequestRules.integer(single(source, value), source, fallback, min, max));
    }

    /** A fraction in [0,1] (a number or numeric text), or the fallback when absent. */
    public double fraction(Object value, String source, double fallback) {
        return api(source, () -> RequestRules.fraction(single(source, value), source, fallback));
    }

    public SearchMode searchMode(Object value, String source, SearchMode fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof SearchMode mode) {
            return mode;
        }
        String text = value.toString().strip().toUpperCase(Locale.ROOT);
        for (SearchMode mode : SearchMode.values()) {
            if (mode.name().equals(text)) {
                return mode;
            }
        }
        throw new InvalidMemoryRequestException(source + " must be one of " + Arrays.stream(SearchMode.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + " (got '"
                + abbreviate(value.toString()) + "')");
    }

    /** A metadata filter from a JSON string or a Map in the API's grammar; null when absent or empty. */
    public MetadataFilter filters(Object value, String source) {
        if (value == null) {
            return null;
        }
        JsonNode node = value instanceof String text ? json.getNodeFactory().textNode(text) : json.valueToTree(value);
        try {
            return filters.parse(node);
        } catch (InvalidFilterException e) {
            throw new InvalidMemoryRequestException(source + ": " + e.getMessage());
        }
    }

    /** Text content of an add, with the API's emptiness and size rules. */
    public String content(String content, String source) {
        if (content == null || content.isBlank()) {
            throw new InvalidMemoryRequestException(source + " must not be empty");
        }
        if (content.length() > maxContentChars) {
            throw new InvalidMemoryRequestException(source + " must be at most " + maxContentChars
                    + " characters (hippocamel.ingest.max-content-size)");
        }
        return content;
    }

    /** The query of a search. */
    public String query(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidMemoryRequestException("memory:search needs the query as the message body");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw new InvalidMemoryRequestException("the search query must be at most " + MAX_QUERY_CHARS
                    + " characters");
        }
        return query;
    }

    /** Refuses files over {@code hippocamel.ingest.max-file-size}, as the upload endpoint does. */
    public void fileSize(long bytes, String source) {
        if (bytes > maxFileBytes) {
            throw new InvalidMemoryRequestException(source + " is larger than " + maxFileBytes
                    + " bytes (hippocamel.ingest.max-file-size)");
        }
    }

    private ObjectNode single(String field, Object value) {
        ObjectNode node = json.createObjectNode();
        node.set(field, value == null ? null : json.valueToTree(value));
        return node;
    }

    private JsonNode parse(String text, String source) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidMemoryRequestException(source + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Runs one of the shared request rules, turning its error into one that names the option or header. */
    private static <T> T api(String source, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidRequestException e) {
            String details = e.getMessage();
            throw new InvalidMemoryRequestException(details.startsWith(source) ? details : source + ": " + details);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
