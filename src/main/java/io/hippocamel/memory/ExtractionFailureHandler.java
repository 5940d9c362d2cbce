package io.hippocamel.memory;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The extraction dead letter: records the document's extraction failed, with the reason, once redelivery gave up. */
public class ExtractionFailureHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractionFailureHandler.class);

    private final ExtractionStatus status;

    public ExtractionFailureHandler(ExtractionStatus status) {
        this.status = status;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ExtractionJob job = exchange.getIn().getBody(ExtractionJob.class);
        String reason = cause == null ? "unknown error" : cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage();
        LOG.warn("memory extraction of document {} failed: {}", job == null ? null : job.documentId(), reason, cause);
        if (job != null) {
            status.failed(job, reason);
        }
    }
}
