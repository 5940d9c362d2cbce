package io.hippocamel.memory;

import io.hippocamel.ingest.DocumentEvent;
import io.hippocamel.ingest.DocumentEvents;
import java.util.function.Consumer;
import org.apache.camel.ProducerTemplate;

/**
 * Queues a document's memory extraction when it reaches {@code done}: the status is recorded pending (durable)
 * first, then the job goes to the extraction SEDA queue, so the document is searchable without waiting for it.
 */
public class MemoryExtractionTrigger implements Consumer<DocumentEvent> {

    private final ExtractionStatus status;
    private final ProducerTemplate producer;

    public MemoryExtractionTrigger(ExtractionStatus status, ProducerTemplate producer) {
        this.status = status;
        this.producer = producer;
    }

    /** Subscribes to the document events; returns the handle that unsubscribes. */
    public Runnable subscribeTo(DocumentEvents events) {
        return events.subscribe(this);
    }

    @Override
    public void accept(DocumentEvent event) {
        if (event.type() != DocumentEvent.Type.DONE || event.documentId() == null) {
            return;
        }
        ExtractionJob job = new ExtractionJob(event.tenant(), event.documentId());
        status.pending(job);
        producer.sendBody(MemoryExtractionRoutes.QUEUE, job);
    }
}
