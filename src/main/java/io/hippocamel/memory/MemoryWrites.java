package io.hippocamel.memory;

import io.hippocamel.core.ConflictException;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.store.ChunkVectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The checks and the version bookkeeping of a memory write, decided the same way by every store before it writes
 * anything (see the {@link MemoryFactStore} contract): what to store, and which parents stop being the latest.
 */
public final class MemoryWrites {

    /**
     * What a batch writes.
     *
     * @param memories   the memories of the batch, checked, vectors unit length, the last of duplicate ids only
     * @param superseded stored parents that stop being the latest, as they must be written
     */
    public record Plan(List<Memory> memories, List<Memory> superseded) {
    }

    /** Which of several memories with the same content a lookup by content returns: see the contract. */
    public static final Comparator<Memory> CONTENT_MATCH_ORDER = Comparator.comparing((Memory m) -> !m.isLatest())
            .thenComparing(Memory::isForgotten)
            .thenComparing(Memory::updatedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    private MemoryWrites() {
    }

    /**
     * Checks a batch and plans its write. {@code stored} looks a memory of the batch's tenant up by id (null: none);
     * it must see every earlier write. Throws, changing nothing, as the contract says.
     */
    public static Plan plan(Collection<Memory> batch, Function<String, Memory> stored, int dimension, Instant now) {
        Map<String, Memory> byId = new LinkedHashMap<>();
        String tenant = null;
        for (Memory memory : batch) {
            Memory checked = checked(memory, dimension);
            if (tenant != null && !tenant.equals(checked.tenant())) {
                throw new IllegalArgumentException("a batch of memories belongs to one tenant");
            }
            tenant = checked.tenant();
            byId.remove(checked.id()); // the last write of an id wins, in its own position
            byId.put(checked.id(), checked);
        }
        Map<String, Memory> superseded = new LinkedHashMap<>();
        // the batch as given: marking a parent of the batch superseded below must not stop it superseding its own
        for (Memory memory : List.copyOf(byId.values())) {
            String parentId = memory.parentMemoryId();
            if (parentId == null) {
                continue;
            }
            Memory existing = stored.apply(memory.id());
            boolean replace = existing != null && parentId.equals(existing.parentMemoryId());
            Memory inBatch = byId.get(parentId);
            Memory parent = inBatch != null ? inBatch : superseded.getOrDefault(parentId, stored.apply(parentId));
            if (parent == null) {
                throw new NotFoundException("parent memory " + parentId);
            }
            checkChain(memory, parent);
            if (replace || !memory.isLatest()) {
                continue;
            }
            if (inBatch != null) {
                byId.put(parentId, byId.get(parentId).toBuilder().isLatest(false).build());
            } else if (parent.isLatest()) {
                superseded.put(parentId, parent.toBuilder().isLatest(false).updatedAt(now).build());
            } else {
                throw new ConflictException("memory " + parentId + " is no longer the latest version");
            }
        }
        superseded.keySet().removeAll(byId.keySet());
        return new Plan(List.copyOf(byId.values()), List.copyOf(superseded.values()));
    }

    /** The memory with a unit vector, or an IllegalArgumentException saying what is missing. */
    public static Memory checked(Memory memory, int dimension) {
        Objects.requireNonNull(memory, "memory");
        if (memory.tenant().isBlank() || memory.id().isBlank() || memory.containerTag().isBlank()) {
            throw new IllegalArgumentException("memory needs a tenant, an id and a container tag");
        }
        if (memory.version() < 1) {
            throw new IllegalArgumentException("memory " + memory.id() + " has version " + memory.version());
        }
        if (memory.version() == 1 && !memory.id().equals(memory.rootMemoryId())) {
            throw new IllegalArgumentException("memory " + memory.id() + " is version 1 but names another root");
        }
        if ((memory.version() == 1) != (memory.parentMemoryId() == null)) {
            throw new IllegalArgumentException("memory " + memory.id() + ": only version 1 has no parent");
        }
        if (memory.vector() == null) {
            throw new IllegalArgumentException("memory " + memory.id() + " has no vector");
        }
        ChunkVectors.checkDimension(memory.vector(), dimension);
        float[] unit = ChunkVectors.unit(memory.vector());
        return unit == memory.vector() ? memory : memory.toBuilder().vector(unit).build();
    }

    private static void checkChain(Memory memory, Memory parent) {
        if (!parent.containerTag().equals(memory.containerTag())) {
            throw new IllegalArgumentException("memory " + memory.id() + " and its parent " + parent.id()
                    + " are in different container tags");
        }
        if (!parent.rootMemoryId().equals(memory.rootMemoryId()) || parent.version() + 1 != memory.version()) {
            throw new IllegalArgumentException("memory " + memory.id() + " is not the next version of "
                    + parent.id() + " (root " + parent.rootMemoryId() + ", version " + parent.version() + ")");
        }
    }

    /** The forgotten state of a memory: soft-deleted at {@code now}, with the reason given (else the one it had). */
    public static Memory forgotten(Memory memory, String reason, Instant now) {
        return memory.toBuilder().isForgotten(true).forgetReason(reason == null ? memory.forgetReason() : reason)
                .updatedAt(now).build();
    }

    /**
     * What removing a deleted document from a memory's sources leaves: forgotten (its sources kept) when no other
     * document supports it, else the memory without that source.
     */
    public static Memory withoutSource(Memory memory, String documentId, Instant now) {
        List<MemorySource> others = new ArrayList<>(memory.sources());
        others.removeIf(source -> source.documentId().equals(documentId));
        return others.isEmpty()
                ? memory.toBuilder().isForgotten(true).forgetReason("source document deleted").updatedAt(now).build()
                : memory.toBuilder().sources(others).updatedAt(now).build();
    }
}
