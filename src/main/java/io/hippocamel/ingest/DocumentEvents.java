package io.hippocamel.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link DocumentEvent}s of this server to its subscribers (e.g. {@code memory:events} consumers). Events
 * are delivered synchronously on the publishing thread; a failing subscriber is logged and never breaks ingest.
 */
public class DocumentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentEvents.class);

    private final List<Consumer<DocumentEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a subscriber; returns a handle that unsubscribes it when run. */
    public Runnable subscribe(Consumer<DocumentEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(DocumentEvent event) {
        for (Consumer<DocumentEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a document event subscriber failed on {} {}: {}", event.type(), event.documentId(),
                        e.getMessage());
            }
        }
    }
}
