package io.hippocamel.camel;

import io.hippocamel.api.ApiKeys;
import java.util.function.Supplier;

/**
 * Which tenant a {@code memory:} endpoint acts for: the tenant of its {@code apiKey} option, which must be one of
 * the server's keys, or else the tenant of the server's first key (the first of {@code hippocamel.api-keys}, or the
 * generated one). A flow can therefore reach only tenants whose key its author holds.
 */
public class MemoryTenants {

    private final ApiKeys keys;
    private final Supplier<String> defaultKey;

    /**
     * @param keys       the server's accepted keys
     * @param defaultKey the server's first key, asked for only when an endpoint has no apiKey option
     */
    public MemoryTenants(ApiKeys keys, Supplier<String> defaultKey) {
        this.keys = keys;
        this.defaultKey = defaultKey;
    }

    /** The tenant of this key, or of the default key when {@code apiKey} is null. Never echoes a key. */
    public String tenantFor(String apiKey) {
        if (apiKey == null) {
            return ApiKeys.tenantOf(defaultKey.get());
        }
        return keys.tenantFor(apiKey).orElseThrow(() -> new InvalidMemoryRequestException(
                "apiKey option: not one of the server's API keys (hippocamel.api-keys)"));
    }
}
