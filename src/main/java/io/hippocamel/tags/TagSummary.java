package io.hippocamel.tags;

import java.time.Instant;

/**
 * One line of {@code GET /v3/container-tags/list}.
 *
 * @param tag            the stored profile, or a default one for a tag that was never patched
 * @param documentCount  documents of the tag, any status
 * @param memoryCount    latest, remembered memories of the tag
 * @param lastActivityAt the newest document or memory change, or null
 */
public record TagSummary(ContainerTag tag, long documentCount, long memoryCount, Instant lastActivityAt) {
}
