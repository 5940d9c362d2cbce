package io.hippocamel.memory;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One memory: a short fact about the owner of a container tag ("Alex moved to Berlin in March"), one version of it.
 * Versions of a fact form a chain: the first has version 1 and is its own root, each later one names its parent and
 * the chain's root, and exactly one version of a chain is the latest. Forgetting is a soft delete; a memory whose
 * {@code forgetAfter} has passed reads as forgotten ({@link #asSeenAt}).
 *
 * @param id              22-character public id, unique per tenant
 * @param tenant          owning tenant (derived from the API key)
 * @param containerTag    the one container tag the memory belongs to
 * @param content         the fact, as text
 * @param isStatic        a permanent trait (profile "static") rather than recent context
 * @param version         1 for a new fact, parent's version + 1 for an update
 * @param parentMemoryId  the version this one supersedes, or null for version 1
 * @param rootMemoryId    the first version of the chain (its own id for version 1)
 * @param isLatest        whether this is the current version of its chain
 * @param isForgotten     forgotten (explicitly, or because its sources were deleted, or expired when read)
 * @param forgetAfter     when the memory expires, or null
 * @param forgetReason    why it was (or will be) forgotten, or null
 * @param metadata        flat metadata: String, Number, Boolean or List&lt;String&gt; values
 * @param temporalContext when the fact holds, as the client sent it (e.g. documentDate, eventDate), or null
 * @param relations       relations to other memories of the tenant
 * @param sources         provenance: the documents (and chunks or turns) the fact came from; empty when added
 *                        directly
 * @param createdAt       when this version was created
 * @param updatedAt       last change of this version (forgotten, superseded, sources changed)
 * @param vector          unit-length embedding of the content, or null when not loaded
 */
public record Memory(
        String id,
        String tenant,
        String containerTag,
        String content,
        boolean isStatic,
        int version,
        String parentMemoryId,
        String rootMemoryId,
        boolean isLatest,
        boolean isForgotten,
        Instant forgetAfter,
        String forgetReason,
        Map<String, Object> metadata,
        Map<String, Object> temporalContext,
        List<MemoryRelation> relations,
        List<MemorySource> sources,
        Instant createdAt,
        Instant updatedAt,
        float[] vector) {

    public Memory {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        // a client's JSON object as sent, so null values stay
        temporalContext = temporalContext == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(temporalContext));
        relations = relations == null ? List.of() : List.copyOf(relations);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A builder for version 1 of a new fact: its own root, latest, not forgotten. */
    public static Builder create(String id, String tenant, String containerTag, String content, Instant at) {
        return new Builder().id(id).tenant(tenant).containerTag(containerTag).content(content).version(1)
                .rootMemoryId(id).isLatest(true).createdAt(at).updatedAt(at);
    }

    /**
     * A builder for the next version of this memory: new id, content and vector, the same tag, kind, metadata,
     * expiry and temporal context (change what differs), an {@code updates} relation to this one, and no sources:
     * the new content comes from whatever states it (add its document, if any).
     */
    public Builder nextVersion(String newId, String newContent, float[] newVector, Instant at) {
        return toBuilder().id(newId).content(newContent).vector(newVector).version(version + 1)
                .parentMemoryId(id).rootMemoryId(rootMemoryId).isLatest(true).isForgotten(false)
                .relations(List.of(new MemoryRelation(MemoryRelation.Type.UPDATES, id))).sources(List.of())
                .createdAt(at).updatedAt(at);
    }

    /** A builder holding every field of this memory. */
    public Builder toBuilder() {
        return new Builder().id(id).tenant(tenant).containerTag(containerTag).content(content).isStatic(isStatic)
                .version(version).parentMemoryId(parentMemoryId).rootMemoryId(rootMemoryId).isLatest(isLatest)
                .isForgotten(isForgotten).forgetAfter(forgetAfter).forgetReason(forgetReason).metadata(metadata)
                .temporalContext(temporalContext).relations(relations).sources(sources).createdAt(createdAt)
                .updatedAt(updatedAt).vector(vector);
    }

    /** Whether {@code forgetAfter} has passed at {@code now}. */
    public boolean expiredAt(Instant now) {
        return forgetAfter != null && !forgetAfter.isAfter(now);
    }

    /** This memory as reads report it at {@code now}: forgotten once its {@code forgetAfter} has passed. */
    public Memory asSeenAt(Instant now) {
        return isForgotten || !expiredAt(now) ? this : toBuilder().isForgotten(true).build();
    }

    /** The same memory without its vector (what listings that do not need it carry). */
    public Memory withoutVector() {
        return vector == null ? this : toBuilder().vector(null).build();
    }

    /** The ids of the documents it came from, distinct, in order. */
    public List<String> sourceDocumentIds() {
        return sources.stream().map(MemorySource::documentId).distinct().toList();
    }

    /** Assembles a memory field by field; {@link #build()} checks that it has an id, tenant, tag and content. */
    public static final class Builder {
        private String id;
        private String tenant;
        private String containerTag;
        private String content;
        private boolean isStatic;
        private int version = 1;
        private String parentMemoryId;
        private String rootMemoryId;
        private boolean isLatest = true;
        private boolean isForgotten;
        private Instant forgetAfter;
        private String forgetReason;
        private Map<String, Object> metadata;
        private Map<String, Object> temporalContext;
        private List<MemoryRelation> relations;
        private List<MemorySource> sources;
        private Instant createdAt;
        private Instant updatedAt;
        private float[] vector;

        private Builder() {
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder tenant(String value) {
            tenant = value;
            return this;
        }

        public Builder containerTag(String value) {
            containerTag = value;
            return this;
        }

        public Builder content(String value) {
            content = value;
            return this;
        }

        public Builder isStatic(boolean value) {
            isStatic = value;
            return this;
        }

        public Builder version(int value) {
            version = value;
            return this;
        }

        public Builder parentMemoryId(String value) {
            parentMemoryId = value;
            return this;
        }

        public Builder rootMemoryId(String value) {
            rootMemoryId = value;
            return this;
        }

        public Builder isLatest(boolean value) {
            isLatest = value;
            return this;
        }

        public Builder isForgotten(boolean value) {
            isForgotten = value;
            return this;
        }

        public Builder forgetAfter(Instant value) {
            forgetAfter = value;
            return this;
        }

        public Builder forgetReason(String value) {
            forgetReason = value;
            return this;
        }

        public Builder metadata(Map<String, Object> value) {
            metadata = value;
            return this;
        }

        public Builder temporalContext(Map<String, Object> value) {
            temporalContext = value;
            return this;
        }

        public Builder relations(List<MemoryRelation> value) {
            relations = value;
            return this;
        }

        public Builder sources(List<MemorySource> value) {
            sources = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        public Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        public Builder vector(float[] value) {
            vector = value;
            return this;
        }

        public Memory build() {
            Objects.requireNonNull(id, "memory id");
            Objects.requireNonNull(tenant, "memory tenant");
            Objects.requireNonNull(containerTag, "memory containerTag");
            Objects.requireNonNull(content, "memory content");
            return new Memory(id, tenant, containerTag, content, isStatic, version, parentMemoryId,
                    rootMemoryId == null ? id : rootMemoryId, isLatest, isForgotten, forgetAfter, forgetReason,
                    metadata, temporalContext, relations, sources, createdAt, updatedAt, vector);
        }
    }
}
