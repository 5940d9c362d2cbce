package io.hippocamel.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Processing state of a document, as the Supermemory API spells it (lower case on the wire). */
public enum DocumentStatus {
    UNKNOWN, QUEUED, EXTRACTING, CHUNKING, EMBEDDING, INDEXING, DONE, FAILED;

    /** Final states are never picked up again by recovery. */
    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DocumentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
