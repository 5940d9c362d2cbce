package io.hippocamel.settings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One tenant's settings as stored: the fields of {@link SettingsService#FIELDS}, unset ones with their default.
 *
 * @param fields every field by name, in {@link SettingsService#FIELDS} order (JSON values: strings, lists, maps...)
 */
public record TenantSettings(Map<String, Object> fields) {

    /** {@code chunkSize} when the tenant has not chosen one: the server's configured chunk size. */
    public static final int DEFAULT_CHUNK_SIZE = -1;

    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectMapper PLAIN = new ObjectMapper();

    static TenantSettings of(ObjectNode stored) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : SettingsService.FIELDS) {
            JsonNode v = stored.get(name);
            fields.put(name, v == null || v.isNull() ? defaultOf(name) : PLAIN.convertValue(v, Object.class));
        }
        return new TenantSettings(fields);
    }

    /** The tenant's chunk size in tokens, or {@link #DEFAULT_CHUNK_SIZE}. */
    public int chunkSize() {
        return fields.get("chunkSize") instanceof Number n ? n.intValue() : DEFAULT_CHUNK_SIZE;
    }

    private static Object defaultOf(String name) {
        return switch (name) {
            case "shouldLLMFilter" -> false;
            case "chunkSize" -> DEFAULT_CHUNK_SIZE;
            default -> null;
        };
    }
}
