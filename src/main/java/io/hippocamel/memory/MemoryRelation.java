package io.hippocamel.memory;

import java.util.Locale;
import java.util.Objects;

/**
 * How a memory relates to another one of the same tenant.
 *
 * @param type     the kind of relation
 * @param memoryId the other memory
 */
public record MemoryRelation(Type type, String memoryId) {

    /** Supermemory's relation kinds; {@link #wire()} is the name the API uses. */
    public enum Type {
        /** Supersedes the other memory, which stops being the latest of its chain. */
        UPDATES,
        /** Adds detail to the other memory without invalidating it. */
        EXTENDS,
        /** Inferred from the other memory (and usually from more). */
        DERIVES;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type for an API name (case-insensitive). */
        public static Type fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public MemoryRelation {
        Objects.requireNonNull(type, "relation type");
        Objects.requireNonNull(memoryId, "related memory id");
    }
}
