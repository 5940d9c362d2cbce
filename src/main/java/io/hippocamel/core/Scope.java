package io.hippocamel.core;

import java.util.List;
import java.util.Objects;

/**
 * Who may see what: a tenant (one API key) and the container tags inside it. Every store call takes a scope, so
 * scoping can never be forgotten. An empty tag list means "every container tag of this tenant"; a non-empty list
 * means "any of these tags".
 */
public record Scope(String tenant, List<String> containerTags) {

    public Scope {
        Objects.requireNonNull(tenant, "tenant");
        if (tenant.isBlank()) {
            throw new IllegalArgumentException("tenant must not be blank");
        }
        containerTags = containerTags == null ? List.of() : List.copyOf(containerTags);
    }

    public static Scope of(String tenant, String containerTag) {
        return new Scope(tenant, containerTag == null ? List.of() : List.of(containerTag));
    }

    public static Scope allTags(String tenant) {
        return new Scope(tenant, List.of());
    }
}
