package io.hippocamel.camel;

import io.hippocamel.core.MetadataFilter;
import io.hippocamel.ingest.DocumentEvent;
import io.hippocamel.search.SearchMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Add to, search and manage the Hippocamel memory pool from a route, or react to document status changes.
 * Options are checked when the endpoint is created, with the Memory API's rules, so a bad option fails start-up.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "memory", title = "Hippocamel Memory", syntax = "memory:operation",
        category = {Category.AI, Category.DOCUMENT}, headersClass = MemoryConstants.class)
public class MemoryEndpoint extends DefaultEndpoint {

    /** Value of the status option that takes every event type. */
    static final String ANY_STATUS = "any";
    /** As {@code POST /v4/search}: 10 results, similarity at least 0.6. */
    private static final int DEFAULT_LIMIT = 10;
    private static final double DEFAULT_THRESHOLD = 0.6;

    @UriPath(description = "What the endpoint does: add, search, get, delete, list (producer) or events"
            + " (consumer).", enums = "add,search,get,delete,list,events")
    @Metadata(required = true)
    private final MemoryOperation operation;

    @UriParam(label = "security", secret = true, description = "The API key whose tenant the endpoint acts for; it"
            + " must be one of hippocamel.api-keys. Default: the server's first key (or its generated key).")
    private String apiKey;

    @UriParam(description = "add: the container tag new documents go to (default sm_project_default); search, list,"
            + " get, delete and events: only documents of this tag (default: the whole tenant). Empty means not"
            + " set.")
    private String containerTag;

    @UriParam(label = "producer", description = "add: the document's customId, so adding again updates it; get,"
            + " delete: the document to act on when the message names none.")
    private String customId;

    @UriParam(label = "producer", prefix = "metadata.", multiValue = true, javaType = "java.util.Map<String, Object>",
            description = "add: metadata of new documents, one option per key (metadata.source=inbox); values are"
                    + " strings.")
    private Map<String, Object> metadata = Map.of();

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_LIMIT, description = "search: results wanted at most (1-100); list:"
            + " documents per page (1-1100).")
    private Integer limit;

    @UriParam(label = "producer", defaultValue = "1", description = "list: the page to return, from 1.")
    private Integer page;

    @UriParam(label = "producer", defaultValue = "" + DEFAULT_THRESHOLD, description = "search: minimum similarity in [0,1] of a"
            + " result, (1 + cosine) / 2, as the API's threshold.")
    private Double threshold;

    @UriParam(label = "producer", defaultValue = "hybrid", enums = "hybrid,vector,text", description = "search:"
            + " hybrid (BM25 and vectors, fused), vector or text (BM25 only).")
    private String searchMode;

    @UriParam(label = "producer", description = "search, list: a metadata filter in the Memory API's grammar, as"
            + " JSON ({\"AND\":[{\"key\":\"kind\",\"value\":\"fact\"}]}).")
    private String filters;

    @UriParam(label = "consumer", defaultValue = ANY_STATUS, description = "events: which changes to emit: queued,"
            + " done, failed, deleted or any; a comma-separated list takes several.")
    private String status = ANY_STATUS;

    @UriParam(label = "consumer,advanced", defaultValue = "1000", description = "events: changes waiting for the"
            + " route at most; when the route falls this far behind, further events are dropped with a warning"
            + " (ingest never waits for a flow).")
    private int eventQueueSize = 1000;

    private String tenant;
    private Set<DocumentEvent.Type> eventTypes = EnumSet.allOf(DocumentEvent.Type.class);
    private MetadataFilter filter;
    private SearchMode mode = SearchMode.HYBRID;

    MemoryEndpoint(String uri, MemoryComponent component, MemoryOperation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public MemoryComponent getComponent() {
        return (MemoryComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation == MemoryOperation.EVENTS) {
            throw new UnsupportedOperationException("memory:events is a consumer: use it in from(), not to()");
        }
        return new MemoryProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != MemoryOperation.EVENTS) {
            throw new UnsupportedOperationException("memory:" + operation.path()
                    + " is a producer: use it in to(); only memory:events can start a route");
        }
        MemoryConsumer consumer = new MemoryConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Validates the options with the API's rules and resolves the tenant; called once the options are set. */
    void validate() {
        MemoryRequestValidator v = getComponent().validator();
        // an empty option (e.g. from a "{{...:}}" placeholder) means "not set"
        containerTag = v.containerTag(blankToNull(containerTag), "containerTag option");
        customId = v.customId(blankToNull(customId), "customId option");
        Map<String, Object> checked = v.metadata(metadata, "metadata.* options");
        metadata = checked == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(checked));
        int maxLimit = operation == MemoryOperation.LIST ? MemoryRequestValidator.MAX_LIST_LIMIT
                : MemoryRequestValidator.MAX_SEARCH_LIMIT;
        limit = v.integer(limit, "limit option", DEFAULT_LIMIT, 1, maxLimit);
        page = v.integer(page, "page option", 1, 1, MemoryRequestValidator.MAX_PAGE);
        threshold = v.fraction(threshold, "threshold option", DEFAULT_THRESHOLD);
        mode = v.searchMode(searchMode, "searchMode option", SearchMode.HYBRID);
        filter = v.filters(filters, "filters option");
        eventTypes = eventTypes(status);
        if (eventQueueSize < 1) {
            throw new InvalidMemoryRequestException("eventQueueSize option must be at least 1");
        }
        tenant = getComponent().tenants().tenantFor(apiKey);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Set<DocumentEvent.Type> eventTypes(String status) {
        Set<DocumentEvent.Type> types = EnumSet.noneOf(DocumentEvent.Type.class);
        for (String part : status.split(",")) {
            String s = part.strip().toUpperCase(Locale.ROOT);
            if (s.equals("ANY")) {
                return EnumSet.allOf(DocumentEvent.Type.class);
            }
            try {
                types.add(DocumentEvent.Type.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidMemoryRequestException("status option must be any or a comma-separated list of "
                        + String.join(", ", Arrays.stream(DocumentEvent.Type.values())
                                .map(t -> t.name().toLowerCase(Locale.ROOT)).toList())
                        + " (got '" + part.strip() + "')");
            }
        }
        return types;
    }

    // --- resolved settings, read by the producer and the consumer

    MemoryOperation operation() {
        return operation;
    }

    String tenant() {
        return tenant;
    }

    int limitOrDefault() {
        return limit;
    }

    int pageOrDefault() {
        return page;
    }

    double thresholdOrDefault() {
        return threshold;
    }

    SearchMode mode() {
        return mode;
    }

    MetadataFilter filter() {
        return filter;
    }

    Set<DocumentEvent.Type> eventTypes() {
        return eventTypes;
    }

    // --- options (bound by Camel from the URI)

    public MemoryOperation getOperation() {
        return operation;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getContainerTag() {
        return containerTag;
    }

    public void setContainerTag(String containerTag) {
        this.containerTag = containerTag;
    }

    public String getCustomId() {
        return customId;
    }

    public void setCustomId(String customId) {
        this.customId = customId;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public Integer getLimit() {
        return limit;
    }

    public void setLimit(Integer limit) {
        this.limit = limit;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public Double getThreshold() {
        return threshold;
    }

    public void setThreshold(Double threshold) {
        this.threshold = threshold;
    }

    public String getSearchMode() {
        return searchMode;
    }

    public void setSearchMode(String searchMode) {
        this.searchMode = searchMode;
    }

    public String getFilters() {
        return filters;
    }

    public void setFilters(String filters) {
        this.filters = filters;
    }

    /** The status option ({@code getStatus()} is the endpoint's service status). */
    public String getEventStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public int getEventQueueSize() {
        return eventQueueSize;
    }

    public void setEventQueueSize(int eventQueueSize) {
        this.eventQueueSize = eventQueueSize;
    }
}
