package io.hippocamel.ingest;

import io.hippocamel.HippocamelConstants;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest routes' error handler: marks the documents an exchange carried as failed, with the reason users see
 * on GET. A failed document is final and stays until deleted or re-submitted.
 */
public class IngestFailureHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(IngestFailureHandler.class);

    private final MemoryStore store;
    private final DocumentEvents events;
    private final IngestSummary summary;

    public IngestFailureHandler(MemoryStore store, DocumentEvents events, IngestSummary summary) {
        this.store = store;
        this.events = events;
        this.summary = summary;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = reason(cause);
        for (IngestJob job : jobs(exchange)) {
            LOG.warn("document {} failed: {}", job.documentId(), reason, cause instanceof ExtractionException
                    ? null : cause);
            if (store.updateStatus(job.tenant(), job.documentId(), job.version(), DocumentStatus.FAILED, reason)) {
                summary.documentFailed();
                store.getDocument(job.tenant(), job.documentId()).ifPresent(d -> events.publish(new DocumentEvent(
                        DocumentEvent.Type.FAILED, d.tenant(), d.id(), d.customId(), d.containerTag(),
                        DocumentStatus.FAILED, reason, d.updatedAt())));
            }
        }
    }

    /** The job in the exchange property (extract and chunk routes), else the documents in the body. */
    private static List<IngestJob> jobs(Exchange exchange) {
        IngestJob job = exchange.getProperty(HippocamelConstants.INGEST_JOB, IngestJob.class);
        if (job != null) {
            return List.of(job);
        }
        Object body = exchange.getMessage().getBody();
        List<?> items = body instanceof List<?> list ? list : List.of(body == null ? List.of() : body);
        List<IngestJob> jobs = new ArrayList<>();
        for (Object item : items) {
            StoredDocument doc = item instanceof ChunkedDocument d ? d.document()
                    : item instanceof EmbeddedDocument d ? d.document()
                    : item instanceof StoredDocument d ? d : null;
            if (doc != null) {
                jobs.add(new IngestJob(doc.tenant(), doc.id(), doc.version()));
            }
        }
        return jobs;
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "processing failed";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
