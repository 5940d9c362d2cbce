package io.hippocamel.camel;

import org.apache.camel.spi.Metadata;

/**
 * Header names of the {@code memory:} component. Headers override the endpoint's options per message and are
 * validated with the Memory API's rules; they never select the operation or the tenant, and never build a URI.
 * Routes fed from an HTTP edge should drop inbound {@code Hippocamel*} headers first.
 */
public final class MemoryConstants {

    @Metadata(description = "The container tag to add to, or to restrict search, list, get and delete to (overrides"
            + " the containerTag option). Set by the events consumer.", javaType = "String")
    public static final String CONTAINER_TAG = "HippocamelContainerTag";

    @Metadata(description = "add: the caller's id of the document (adding the same customId again updates it);"
            + " get, delete: the document to act on when HippocamelDocumentId is not set (overrides the customId"
            + " option). Set by the events consumer.", javaType = "String")
    public static final String CUSTOM_ID = "HippocamelCustomId";

    @Metadata(description = "get, delete: the document id or customId to act on. Set by add (the new document's id)"
            + " and by the events consumer.", javaType = "String")
    public static final String DOCUMENT_ID = "HippocamelDocumentId";

    @Metadata(label = "producer", description = "add: metadata merged over the endpoint's metadata.* options and the"
            + " body's metadata; a Map or a JSON object string of string, number, boolean or string-list values.",
            javaType = "java.util.Map<String, Object>")
    public static final String METADATA = "HippocamelMetadata";

    @Metadata(label = "producer", description = "add: the file name of a byte[] or InputStream body (helps type"
            + " detection); defaults to CamelFileNameOnly, then \"upload\".", javaType = "String")
    public static final String FILE_NAME = "HippocamelFileName";

    @Metadata(label = "producer", description = "search: results wanted at most (1-100); list: documents per page"
            + " (1-1100). Overrides the limit option.", javaType = "Integer")
    public static final String LIMIT = "HippocamelLimit";

    @Metadata(label = "producer", description = "list: the page to return, from 1 (overrides the page option).",
            javaType = "Integer")
    public static final String PAGE = "HippocamelPage";

    @Metadata(label = "producer", description = "search: minimum similarity in [0,1] (overrides the threshold"
            + " option).", javaType = "Double")
    public static final String THRESHOLD = "HippocamelThreshold";

    @Metadata(label = "producer", description = "search: hybrid, vector or text (overrides the searchMode option).",
            javaType = "String")
    public static final String SEARCH_MODE = "HippocamelSearchMode";

    @Metadata(label = "producer", description = "search, list: a metadata filter in the Memory API's grammar, as a"
            + " JSON string or a Map (overrides the filters option).", javaType = "String")
    public static final String FILTERS = "HippocamelFilters";

    @Metadata(label = "producer", description = "list (out): how many documents match in total, over all pages.",
            javaType = "Long")
    public static final String TOTAL = "HippocamelTotal";

    @Metadata(description = "add (out): the document's status after the add; events consumer: the status after the"
            + " change (absent for deletions).", javaType = "String")
    public static final String DOCUMENT_STATUS = "HippocamelDocumentStatus";

    @Metadata(label = "consumer", description = "events: what happened: queued, done, failed or deleted.",
            javaType = "String")
    public static final String EVENT_TYPE = "HippocamelEventType";

    private MemoryConstants() {
    }
}
