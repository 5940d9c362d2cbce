package io.hippocamel.camel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@code memory:} endpoint does, named by its path ({@code memory:search}).
 * <ul>
 *   <li>{@link #ADD}: stores the body as a document (text, URL, file bytes or a Map with content and metadata) and
 *       answers {@link MemoryAddResult} once it is durably queued; processing continues in the background.</li>
 *   <li>{@link #SEARCH}: hybrid search with the body as the query; answers a {@code List<MemorySearchResult>}.</li>
 *   <li>{@link #GET}: the document named by {@code HippocamelDocumentId} or the customId, as a
 *       {@link io.hippocamel.core.StoredDocument}.</li>
 *   <li>{@link #DELETE}: removes that document and answers it as it was.</li>
 *   <li>{@link #LIST}: one page of documents, newest first, as a {@code List<StoredDocument>}.</li>
 *   <li>{@link #EVENTS}: consumer only; emits a {@link io.hippocamel.ingest.DocumentEvent} per status change.</li>
 * </ul>
 * Each operation accepts only the options that mean something to it, so a misplaced option fails at start-up.
 */
public enum MemoryOperation {
    ADD("containerTag", "customId", "metadata"),
    SEARCH("containerTag", "limit", "threshold", "searchMode", "filters"),
    GET("containerTag", "customId"),
    DELETE("containerTag", "customId"),
    LIST("containerTag", "limit", "page", "filters"),
    EVENTS("containerTag", "status", "eventQueueSize");

    /** Options every operation takes. */
    private static final Set<String> COMMON = Set.of("apiKey");

    private final Set<String> options;

    MemoryOperation(String... options) {
        this.options = Set.of(options);
    }

    /** The path segment naming this operation. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the endpoint option (as spelled in the URI) applies to this operation. */
    public boolean accepts(String option) {
        return COMMON.contains(option) || options.contains(option);
    }

    /** The operations an option applies to, for error messages. */
    public static String operationsAccepting(String option) {
        return Arrays.stream(values()).filter(op -> op.accepts(option)).map(MemoryOperation::path)
                .collect(Collectors.joining(", "));
    }

    /** Reads the URI path; the error names every valid operation. */
    public static MemoryOperation fromPath(String path) {
        for (MemoryOperation op : values()) {
            if (op.path().equals(path)) {
                return op;
            }
        }
        throw new InvalidMemoryRequestException("unknown memory operation '" + path + "': use one of "
                + Arrays.stream(values()).map(MemoryOperation::path).collect(Collectors.joining(", ")));
    }
}
