package io.hippocamel.ingest;

import java.util.Map;

/**
 * A validated PATCH: every field may be null (= unchanged). Metadata merges into the existing map; a key mapped to
 * null is removed.
 */
public record DocumentPatch(String content, String containerTag, String customId, Map<String, Object> metadata) {
}
