package io.hippocamel.camel;

import static io.hippocamel.camel.MemoryConstants.CONTAINER_TAG;
import static io.hippocamel.camel.MemoryConstants.CUSTOM_ID;
import static io.hippocamel.camel.MemoryConstants.DOCUMENT_ID;
import static io.hippocamel.camel.MemoryConstants.DOCUMENT_STATUS;
import static io.hippocamel.camel.MemoryConstants.FILE_NAME;
import static io.hippocamel.camel.MemoryConstants.FILTERS;
import static io.hippocamel.camel.MemoryConstants.LIMIT;
import static io.hippocamel.camel.MemoryConstants.METADATA;
import static io.hippocamel.camel.MemoryConstants.PAGE;
import static io.hippocamel.camel.MemoryConstants.SEARCH_MODE;
import static io.hippocamel.camel.MemoryConstants.THRESHOLD;
import static io.hippocamel.camel.MemoryConstants.TOTAL;

import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.api.RequestReader;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.NewDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs a {@code memory:} producer operation: reads the body and the per-message headers (validated as the API
 * validates them), calls {@link MemoryService} for the endpoint's tenant and puts the typed result in the body.
 */
public class MemoryProducer extends DefaultProducer {

    private final MemoryEndpoint endpoint;
    private final MemoryService service;
    private final MemoryRequestValidator validator;

    public MemoryProducer(MemoryEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.service = endpoint.getComponent().service();
        this.validator = endpoint.getComponent().validator();
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getMessage();
        switch (endpoint.operation()) {
            case ADD -> add(exchange, in);
            case SEARCH -> search(in);
            case GET -> in.setBody(service.get(endpoint.tenant(), documentRef(in), containerTag(in)));
            case DELETE -> in.setBody(service.delete(endpoint.tenant(), documentRef(in), containerTag(in)));
            case LIST -> list(in);
            case EVENTS -> throw new UnsupportedOperationException("memory:events is a consumer");
        }
    }

    private void add(Exchange exchange, Message in) {
        String tag = containerTag(in);
        String customId = validator.customId(header(in, CUSTOM_ID), CUSTOM_ID + " header");
        Map<String, Object> headerMetadata = validator.metadata(in.getHeader(METADATA), METADATA + " header");
        String fileName = header(in, FILE_NAME);
        if (fileName == null) {
            fileName = header(in, Exchange.FILE_NAME_ONLY);
        }
        MemoryAddBody body = MemoryAddBody.read(exchange, fileName, validator);

        Map<String, Object> metadata = new LinkedHashMap<>(endpoint.getMetadata());
        if (body.metadata() != null) {
            metadata.putAll(body.metadata());
        }
        if (headerMetadata != null) {
            metadata.putAll(headerMetadata);
        }
        NewDocument doc = new NewDocument(body.text(), tag == null ? RequestRules.DEFAULT_CONTAINER_TAG : tag,
                customId == null ? endpoint.getCustomId() : customId, metadata, body.file());
        MemoryAddResult result = service.add(endpoint.tenant(), doc);
        in.setBody(result);
        in.setHeader(DOCUMENT_ID, result.id());
        in.setHeader(DOCUMENT_STATUS, result.status().wire());
    }

    private void search(Message in) {
        String query = validator.query(in.getBody(String.class));
        int limit = validator.integer(in.getHeader(LIMIT), LIMIT + " header", endpoint.limitOrDefault(), 1,
                MemoryRequestValidator.MAX_SEARCH_LIMIT);
        double threshold = validator.fraction(in.getHeader(THRESHOLD), THRESHOLD + " header",
                endpoint.thresholdOrDefault());
        in.setBody(service.search(endpoint.tenant(), containerTag(in), query, filter(in), limit, threshold,
                validator.searchMode(in.getHeader(SEARCH_MODE), SEARCH_MODE + " header", endpoint.mode())));
    }

    private void list(Message in) {
        int limit = validator.integer(in.getHeader(LIMIT), LIMIT + " header", endpoint.limitOrDefault(), 1,
                MemoryRequestValidator.MAX_LIST_LIMIT);
        int page = validator.integer(in.getHeader(PAGE), PAGE + " header", endpoint.pageOrDefault(), 1,
                MemoryRequestValidator.MAX_PAGE);
        Page<StoredDocument> result = service.list(endpoint.tenant(), containerTag(in), filter(in), page, limit);
        in.setBody(result.items());
        in.setHeader(TOTAL, result.total());
    }

    /** The header's tag, else the endpoint's (null: the default tag for add, the whole tenant otherwise). */
    private String containerTag(Message in) {
        String tag = validator.containerTag(header(in, CONTAINER_TAG), CONTAINER_TAG + " header");
        return tag == null ? endpoint.getContainerTag() : tag;
    }

    private MetadataFilter filter(Message in) {
        Object header = in.getHeader(FILTERS);
        return header == null ? endpoint.filter() : validator.filters(header, FILTERS + " header");
    }

    /** get and delete: HippocamelDocumentId, else the customId header, else the customId option. */
    private String documentRef(Message in) {
        String id = validator.customId(header(in, DOCUMENT_ID), DOCUMENT_ID + " header");
        if (id == null) {
            id = validator.customId(header(in, CUSTOM_ID), CUSTOM_ID + " header");
        }
        if (id == null) {
            id = endpoint.getCustomId();
        }
        if (id == null) {
            throw new InvalidMemoryRequestException("memory:" + endpoint.operation().path() + " needs a document:"
                    + " set the " + DOCUMENT_ID + " or " + CUSTOM_ID + " header, or the customId option");
        }
        return id;
    }

    private static String header(Message in, String name) {
        return in.getHeader(name, String.class);
    }
}
