package io.hippocamel.camel;

import io.hippocamel.tenancy.ApiKeys;

/**
 * Which tenant a {@code memory:} endpoint acts for: the tenant of its {@code apiKey} option, which must be one of
 * the server's keys, or else the tenant of the server's first key (the first of {@code hippocamel.api-keys}, or the
 * generated one). A flow can therefore reach only tenants whose key its author holds.
 */
public class MemoryTenants {

    private final ApiKeys keys;

    public MemoryTenants(ApiKeys keys) {
        this.keys = keys;
    }

    /** The tenant of this key, or of the default key when {@code apiKey} is null. Never echoes a key. */
    public String tenantFor(String apiKey) {
        if (apiKey == null) {
            return keys.defaultTenant();
        }
        return keys.tenantFor(apiKey).orElseThrow(() -> new InvalidMemoryRequestException(
                "apiKey option: not one of the server's API keys (hippocamel.api-keys)"));
    }
}
