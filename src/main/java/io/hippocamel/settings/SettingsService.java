package io.hippocamel.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.core.ConflictException;
import io.hippocamel.core.Ids;
import io.hippocamel.core.StateRecord;
import io.hippocamel.store.Coordination;
import io.hippocamel.tenancy.InvalidRequestException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and updates a tenant's settings, one coordination record per tenant written by compare-and-set, so that two
 * servers patching different fields at once both keep their change. Limits are Supermemory's documented ones.
 */
public class SettingsService {

    /** The fields a tenant can set, in the order GET returns them. */
    public static final List<String> FIELDS = List.of("shouldLLMFilter", "filterPrompt", "includeItems",
            "excludeItems", "categories", "chunkSize", "workspacePrompt", "profileBuckets");

    /** Fields that only mean something with {@code shouldLLMFilter: true}. */
    private static final List<String> FILTER_FIELDS = List.of("filterPrompt", "includeItems", "excludeItems",
            "categories");
    private static final Pattern BUCKET_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> RESERVED_BUCKETS = Set.of("static", "dynamic");
    private static final int MIN_CHUNK_SIZE = 128;
    private static final int MAX_CHUNK_SIZE = 2048;
    private static final int ATTEMPTS = 10;

    private final Coordination store;
    private final ObjectMapper json;

    public SettingsService(Coordination store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The tenant's settings: every field of {@link #FIELDS}, unset ones with their default. */
    public TenantSettings get(String tenant) {
        return TenantSettings.of(stored(tenant).map(r -> read(r.value())).orElseGet(json::createObjectNode));
    }

    /**
     * Validates {@code patch} (fields of {@link #FIELDS}; others, such as custom OAuth apps, are ignored), merges it
     * into the stored settings and returns the fields it changed. {@link InvalidRequestException} on invalid input.
     */
    public Map<String, Object> update(String tenant, JsonNode patch) {
        ObjectNode changes = validated(patch);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StateRecord> current = stored(tenant);
            ObjectNode merged = current.map(r -> read(r.value())).orElseGet(json::createObjectNode);
            merged.setAll(changes);
            requireFilterEnabled(changes, merged);
            if (store.compareAndSetState(key(tenant), merged.toString(), current.map(StateRecord::version).orElse(0L))
                    .isPresent()) {
                return json.convertValue(changes, TenantSettings.MAP);
            }
        }
        throw new ConflictException("the settings kept changing while being updated; try again");
    }

    private Optional<StateRecord> stored(String tenant) {
        return store.getState(key(tenant));
    }

    private static String key(String tenant) {
        return "settings/" + Ids.ownerKey(tenant, "");
    }

    private ObjectNode read(String value) {
        try {
            return (ObjectNode) json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable settings record", e);
        }
    }

    private ObjectNode validated(JsonNode patch) {
        ObjectNode out = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode v = field.getValue();
            switch (name) {
                case "shouldLLMFilter" -> out.set(name, bool(name, v));
                case "filterPrompt" -> out.set(name, text(name, v, 1, 750));
                case "workspacePrompt" -> out.set(name, text(name, v, 0, 1500));
                case "includeItems", "excludeItems" -> out.set(name, items(name, v, 20));
                case "categories" -> out.set(name, items(name, v, 50));
                case "chunkSize" -> out.set(name, chunkSize(v));
                case "profileBuckets" -> out.set(name, buckets(v));
                default -> {
                    // custom OAuth apps and fields of newer clients: accepted, not stored
                }
            }
        }
        return out;
    }

    /** Supermemory: filter fields without {@code shouldLLMFilter: true} are a 400. */
    private static void requireFilterEnabled(ObjectNode changes, ObjectNode merged) {
        boolean filtering = merged.path("shouldLLMFilter").asBoolean(false);
        for (String field : FILTER_FIELDS) {
            if (!filtering && changes.hasNonNull(field)) {
                throw new InvalidRequestException(field + " requires shouldLLMFilter: true");
            }
        }
    }

    private static JsonNode bool(String name, JsonNode v) {
        if (!v.isBoolean() && !v.isNull()) {
            throw new InvalidRequestException(name + " must be a boolean");
        }
        return v;
    }

    private static JsonNode text(String name, JsonNode v, int min, int max) {
        if (v.isNull()) {
            return v;
        }
        if (!v.isTextual() || v.asText().length() < min || v.asText().length() > max) {
            throw new InvalidRequestException(name + " must be a string of " + min + " to " + max + " characters");
        }
        return v;
    }

    private static JsonNode items(String name, JsonNode v, int maxLength) {
        if (v.isNull()) {
            return v;
        }
        if (!v.isArray()) {
            throw new InvalidRequestException(name + " must be an array of strings");
        }
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isEmpty() || item.asText().length() > maxLength) {
                throw new InvalidRequestException(name + " items must be strings of 1 to " + maxLength
                        + " characters");
            }
        }
        return v;
    }

    private static JsonNode chunkSize(JsonNode v) {
        if (v.isNull()) {
            return v;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()
                || v.intValue() != TenantSettings.DEFAULT_CHUNK_SIZE
                && (v.intValue() < MIN_CHUNK_SIZE || v.intValue() > MAX_CHUNK_SIZE)) {
            throw new InvalidRequestException("chunkSize must be -1 (the server's default) or an integer from "
                    + MIN_CHUNK_SIZE + " to " + MAX_CHUNK_SIZE);
        }
        return v;
    }

    private static JsonNode buckets(JsonNode v) {
        if (v.isNull()) {
            return v;
        }
        if (!v.isArray() || v.size() > 50) {
            throw new InvalidRequestException("profileBuckets must be an array of at most 50 {key, description}");
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode bucket : v) {
            String key = bucket.path("key").isTextual() ? bucket.get("key").asText() : null;
            if (key == null || !BUCKET_KEY.matcher(key).matches()) {
                throw new InvalidRequestException("profileBuckets keys must match ^[a-z0-9][a-z0-9_-]*$ (1-64 chars)");
            }
            if (RESERVED_BUCKETS.contains(key)) {
                throw new InvalidRequestException("profileBuckets key '" + key + "' is reserved");
            }
            if (!keys.add(key)) {
                throw new InvalidRequestException("profileBuckets key '" + key + "' appears twice");
            }
            JsonNode description = bucket.path("description");
            if (!description.isMissingNode() && !description.isNull()
                    && (!description.isTextual() || description.asText().length() > 2000)) {
                throw new InvalidRequestException("profileBuckets description must be a string of at most 2000 "
                        + "characters");
            }
        }
        return v;
    }
}
