package io.hippocamel.memory.extract;

import java.util.Objects;

/** A latest memory of the container tag that a new fact may duplicate, update or extend. */
public record KnownMemory(String id, String content, boolean isStatic) {

    public KnownMemory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
    }
}
