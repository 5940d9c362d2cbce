package io.hippocamel.tags;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A container tag's stored profile ({@code PATCH /v3/container-tags/{tag}}).
 *
 * @param containerTag          the tag
 * @param name                  display name, or null (the tag itself)
 * @param entityContext         what the tag is about, given to extraction (at most 1500 characters), or null
 * @param memoryFilesystemPaths path patterns of documents that feed memories, or null for all
 * @param profileBuckets        the tag's own profile buckets ({@code key}, {@code description}), added to the org's
 * @param createdAt             first stored, or when the tag's oldest document was created
 * @param updatedAt             last changed
 */
public record ContainerTag(String containerTag, String name, String entityContext,
                           List<String> memoryFilesystemPaths, List<Map<String, Object>> profileBuckets,
                           Instant createdAt, Instant updatedAt) {

    public ContainerTag {
        profileBuckets = profileBuckets == null ? List.of() : List.copyOf(profileBuckets);
    }
}
