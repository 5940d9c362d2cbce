package io.hippocamel.tags;

/** What {@code DELETE /v3/container-tags/{tag}} removed. */
public record TagDeletion(String containerTag, long deletedDocumentsCount, long deletedMemoriesCount) {
}
