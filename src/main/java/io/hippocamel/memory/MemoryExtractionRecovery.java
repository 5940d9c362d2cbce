package io.hippocamel.memory;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-queues on start-up every extraction a crash or restart left pending or running: the durable statuses are the
 * source of truth, the SEDA queue only a cache of them.
 */
public class MemoryExtractionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryExtractionRecovery.class);

    private final ExtractionStatus status;
    private final ProducerTemplate producer;

    public MemoryExtractionRecovery(ExtractionStatus status, ProducerTemplate producer) {
        this.status = status;
        this.producer = producer;
    }

    /** Returns how many documents were re-queued. */
    public int recover() {
        int count = 0;
        for (ExtractionJob job : status.unfinished()) {
            producer.sendBody(MemoryExtractionRoutes.QUEUE, job);
            count++;
        }
        if (count > 0) {
            LOG.info("resuming memory extraction of {} document(s) after restart", count);
        }
        return count;
    }
}
