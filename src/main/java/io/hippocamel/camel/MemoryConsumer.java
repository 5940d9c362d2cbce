package io.hippocamel.camel;

import static io.hippocamel.camel.MemoryConstants.CONTAINER_TAG;
import static io.hippocamel.camel.MemoryConstants.CUSTOM_ID;
import static io.hippocamel.camel.MemoryConstants.DOCUMENT_ID;
import static io.hippocamel.camel.MemoryConstants.DOCUMENT_STATUS;
import static io.hippocamel.camel.MemoryConstants.EVENT_TYPE;

import io.hippocamel.ingest.DocumentEvent;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code memory:events} consumer: emits the endpoint tenant's document status changes (optionally of one
 * container tag and some statuses) with the {@link DocumentEvent} as the body.
 *
 * <p>Events are published on ingest and API threads; this consumer only puts them on its own bounded queue there,
 * and one Camel-managed thread feeds them to the route in publishing order. A slow or failing route therefore never
 * delays or breaks ingest: when the queue is full an event is dropped with a warning. Events are notifications,
 * not a durable log: those published while the route is stopped, or before a restart, are not replayed (the
 * document's status in the store is the truth).
 */
public class MemoryConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryConsumer.class);

    private final MemoryEndpoint endpoint;
    private ExecutorService executor;
    private Runnable unsubscribe;

    public MemoryConsumer(MemoryEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        executor = getEndpoint().getCamelContext().getExecutorServiceManager().newThreadPool(this,
                "MemoryEvents", new ThreadPoolProfileBuilder("memory-events").poolSize(1).maxPoolSize(1)
                        .maxQueueSize(endpoint.getEventQueueSize()).rejectedPolicy(ThreadPoolRejectedPolicy.Abort)
                        .build());
        unsubscribe = endpoint.getComponent().events().subscribe(this::onEvent);
    }

    @Override
    protected void doStop() throws Exception {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        super.doStop();
    }

    /** Runs on the publisher's thread: filter and hand over, nothing more. */
    private void onEvent(DocumentEvent event) {
        if (!wanted(event)) {
            return;
        }
        ExecutorService target = executor;
        try {
            if (target != null) {
                target.execute(() -> deliver(event));
            }
        } catch (RejectedExecutionException e) {
            LOG.warn("memory:events route {} already has {} events waiting (eventQueueSize): dropped {} of"
                    + " document {}", getRouteId(), endpoint.getEventQueueSize(), event.type(), event.documentId());
        }
    }

    private boolean wanted(DocumentEvent event) {
        return event.tenant().equals(endpoint.tenant())
                && endpoint.eventTypes().contains(event.type())
                && (endpoint.getContainerTag() == null || endpoint.getContainerTag().equals(event.containerTag()));
    }

    private void deliver(DocumentEvent event) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setBody(event);
        message.setHeader(EVENT_TYPE, event.type().name().toLowerCase(Locale.ROOT));
        setIfPresent(message, DOCUMENT_ID, event.documentId());
        setIfPresent(message, CUSTOM_ID, event.customId());
        setIfPresent(message, CONTAINER_TAG, event.containerTag());
        setIfPresent(message, DOCUMENT_STATUS, event.status() == null ? null : event.status().wire());
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("memory:events route failed on " + event.type() + " of document "
                    + event.documentId(), exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    private static void setIfPresent(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
