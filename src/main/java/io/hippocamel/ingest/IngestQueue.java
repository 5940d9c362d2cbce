package io.hippocamel.ingest;

import io.hippocamel.HippocamelConstants;
import org.apache.camel.ProducerTemplate;

/** Hands durable, queued documents to the pipeline (a Camel SEDA hop, not a thread of our own). */
public class IngestQueue {

    private final ProducerTemplate producer;

    public IngestQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void enqueue(IngestJob job) {
        producer.sendBody(HippocamelConstants.INGEST_QUEUE, job);
    }
}
