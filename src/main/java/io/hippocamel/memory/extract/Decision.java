package io.hippocamel.memory.extract;

import java.util.Locale;

/** What an extracted fact means for the known memories. */
public enum Decision {
    /** A fact no known memory states: store it as a new memory. */
    NEW,
    /** Says the same as the target memory: store nothing (the caller may add this input as a further source). */
    DUPLICATE,
    /** A new version of the target memory, which stops being the latest ({@code updates} relation). */
    UPDATES,
    /** Adds detail to the target memory without invalidating it ({@code extends} relation). */
    EXTENDS;

    /** The decision named by {@code text} (any case, e.g. {@code "updates"}), or {@link #NEW} when unknown. */
    public static Decision parse(String text) {
        if (text == null) {
            return NEW;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "DUPLICATE", "DUPLICATES", "DUP", "SAME", "NONE", "NOOP" -> DUPLICATE;
            case "UPDATES", "UPDATE", "REPLACES", "SUPERSEDES" -> UPDATES;
            case "EXTENDS", "EXTEND", "ADDS" -> EXTENDS;
            default -> NEW;
        };
    }

    /** Whether this decision names a target memory. */
    public boolean hasTarget() {
        return this != NEW;
    }
}
