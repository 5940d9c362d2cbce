package io.hippocamel.camel;

import io.hippocamel.ingest.DocumentEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The {@code memory:} component: Hippocamel's memory engine as a Camel endpoint, in the same process. Registered as
 * the Spring bean {@code memory} by {@link MemoryCamelConfiguration}; URIs look like
 * {@code memory:add?containerTag=notes&metadata.source=inbox}.
 */
public class MemoryComponent extends DefaultComponent {

    static final String METADATA_PREFIX = "metadata.";

    private final MemoryService service;
    private final DocumentEvents events;
    private final MemoryTenants tenants;
    private final MemoryRequestValidator validator;
    private final MemoryTypeConverters converters;

    public MemoryComponent(MemoryService service, DocumentEvents events, MemoryTenants tenants,
                           MemoryRequestValidator validator, MemoryTypeConverters converters) {
        this.service = service;
        this.events = events;
        this.tenants = tenants;
        this.validator = validator;
        this.converters = converters;
    }

    /** Registers the JSON converters of our bodies, so routes can send them to any text or bytes endpoint. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        getCamelContext().getTypeConverterRegistry().addTypeConverters(converters);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MemoryOperation operation = MemoryOperation.fromPath(remaining);
        rejectOptionsOf(operation, parameters);
        MemoryEndpoint endpoint = new MemoryEndpoint(uri, this, operation);
        Map<String, Object> metadata = PropertiesHelper.extractProperties(parameters, METADATA_PREFIX);
        if (!metadata.isEmpty()) {
            endpoint.setMetadata(metadata);
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** Options of another operation (e.g. threshold on add) are mistakes: refuse them by name. */
    private static void rejectOptionsOf(MemoryOperation operation, Map<String, Object> parameters) {
        List<String> misplaced = new ArrayList<>();
        for (String key : parameters.keySet()) {
            String option = key.startsWith(METADATA_PREFIX) ? "metadata" : key;
            String accepting = MemoryOperation.operationsAccepting(option);
            if (!operation.accepts(option) && !accepting.isEmpty() && !misplaced.contains(option)) {
                misplaced.add(option + " (applies to " + accepting + ")");
            }
        }
        if (!misplaced.isEmpty()) {
            throw new InvalidMemoryRequestException("memory:" + operation.path() + " does not take the option(s) "
                    + String.join(", ", misplaced));
        }
    }

    MemoryService service() {
        return service;
    }

    DocumentEvents events() {
        return events;
    }

    MemoryTenants tenants() {
        return tenants;
    }

    MemoryRequestValidator validator() {
        return validator;
    }
}
