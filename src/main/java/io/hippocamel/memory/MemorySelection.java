package io.hippocamel.memory;

import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Scope;
import java.util.Objects;

/**
 * Which memories a listing or search looks at. By default only the latest version of each fact, and nothing
 * forgotten or expired.
 *
 * @param scope            tenant and container tags (empty: every tag of the tenant)
 * @param filter           metadata filter, or null
 * @param isStatic         only static memories (true), only dynamic ones (false), or both (null)
 * @param includeForgotten also forgotten and expired memories
 * @param includeHistory   also versions that are no longer the latest
 */
public record MemorySelection(Scope scope, MetadataFilter filter, Boolean isStatic, boolean includeForgotten,
                              boolean includeHistory) {

    public MemorySelection {
        Objects.requireNonNull(scope, "scope");
    }

    /** The latest, remembered memories in scope. */
    public static MemorySelection latest(Scope scope) {
        return new MemorySelection(scope, null, null, false, false);
    }

    public MemorySelection withFilter(MetadataFilter newFilter) {
        return new MemorySelection(scope, newFilter, isStatic, includeForgotten, includeHistory);
    }

    public MemorySelection withStatic(Boolean onlyStatic) {
        return new MemorySelection(scope, filter, onlyStatic, includeForgotten, includeHistory);
    }

    public MemorySelection withForgotten(boolean include) {
        return new MemorySelection(scope, filter, isStatic, include, includeHistory);
    }

    public MemorySelection withHistory(boolean include) {
        return new MemorySelection(scope, filter, isStatic, includeForgotten, include);
    }
}
