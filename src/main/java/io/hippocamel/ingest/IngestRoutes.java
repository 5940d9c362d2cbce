package io.hippocamel.ingest;

import static io.hippocamel.HippocamelConstants.INGEST_BATCH;
import static io.hippocamel.HippocamelConstants.INGEST_CHUNK;
import static io.hippocamel.HippocamelConstants.INGEST_EMBED_QUEUE;
import static io.hippocamel.HippocamelConstants.INGEST_ERRORS;
import static io.hippocamel.HippocamelConstants.INGEST_INDEX;
import static io.hippocamel.HippocamelConstants.INGEST_JOB;
import static io.hippocamel.HippocamelConstants.INGEST_QUEUE;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_BATCH;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_CHUNK;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_EMBED;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_EXTRACT;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_INDEX;
import static io.hippocamel.HippocamelConstants.ROUTE_INGEST_SUMMARY;

import io.hippocamel.embed.EmbeddingException;
import java.util.ArrayList;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The ingest pipeline, one route per step: extract → chunk → (batch) → embed → index. Documents enter as
 * {@link IngestJob}s after their {@code queued} record is durable, so the in-memory queues may be lost at any time:
 * {@link IngestRecovery} re-queues every unfinished document on start-up.
 */
public class IngestRoutes extends RouteBuilder {

    private final IngestProperties config;
    private final ExtractStep extractStep;
    private final ChunkStep chunkStep;
    private final EmbedStep embedStep;
    private final IndexStep indexStep;
    private final IngestFailureHandler failureHandler;
    private final DocumentLeases leases;
    private final IngestSummary summary;

    public IngestRoutes(IngestProperties config, ExtractStep extractStep, ChunkStep chunkStep,
                        EmbedStep embedStep, IndexStep indexStep, IngestFailureHandler failureHandler,
                        IngestSummary summary) {
        this(config, extractStep, chunkStep, embedStep, indexStep, failureHandler, DocumentLeases.disabled(), summary);
    }

    /** With claims on documents, for a store several servers share (see {@link DocumentLeases}). */
    public IngestRoutes(IngestProperties config, ExtractStep extractStep, ChunkStep chunkStep,
                        EmbedStep embedStep, IndexStep indexStep, IngestFailureHandler failureHandler,
                        DocumentLeases leases, IngestSummary summary) {
        this.leases = leases;
        this.summary = summary;
        this.config = config;
        this.extractStep = extractStep;
        this.chunkStep = chunkStep;
        this.embedStep = embedStep;
        this.indexStep = indexStep;
        this.failureHandler = failureHandler;
    }

    /** Error handling shared by every ingest route. */
    public static class Errors extends RouteConfigurationBuilder {
        private final IngestFailureHandler failureHandler;

        public Errors(IngestFailureHandler failureHandler) {
            this.failureHandler = failureHandler;
        }

        @Override
        public void configuration() {
            routeConfiguration(INGEST_ERRORS)
                    .onException(StaleJobException.class).handled(true)
                    .log(LoggingLevel.DEBUG, "dropped stale ingest job: ${exception.message}").end()
                    // the embedder may be a remote endpoint: retry a few times before failing documents
                    .onException(EmbeddingException.class).handled(true)
                    .maximumRedeliveries(3).redeliveryDelay(500).backOffMultiplier(2).useExponentialBackOff()
                    .process(failureHandler).end()
                    .onException(Exception.class).handled(true).process(failureHandler).end();
        }
    }

    @Override
    public void configure() {
        from(INGEST_QUEUE + "?concurrentConsumers=" + config.getWorkers() + "&size=100000&blockWhenFull=true")
                .routeId(ROUTE_INGEST_EXTRACT).routeConfigurationId(INGEST_ERRORS)
                .bean(leases, "claim")
                .setProperty(INGEST_JOB, body())
                .bean(extractStep, "extract")
                .to(INGEST_CHUNK);

        from(INGEST_CHUNK).routeId(ROUTE_INGEST_CHUNK).routeConfigurationId(INGEST_ERRORS)
                .bean(chunkStep, "chunk")
                // from here on a failure concerns the whole batch, named in the body
                .removeProperty(INGEST_JOB)
                .to(INGEST_BATCH);

        from(INGEST_BATCH).routeId(ROUTE_INGEST_BATCH).routeConfigurationId(INGEST_ERRORS)
                .aggregate(constant(true), AggregationStrategies.flexible(ChunkedDocument.class)
                        .accumulateInCollection(ArrayList.class))
                .completionSize(config.getBatchDocuments())
                .completionTimeout(config.getBatchTimeout().toMillis())
                .to(INGEST_EMBED_QUEUE);

        // two consumers: one batch is indexed (fsync) while the next is embedded
        from(INGEST_EMBED_QUEUE + "?concurrentConsumers=2&size=1000&blockWhenFull=true")
                .routeId(ROUTE_INGEST_EMBED).routeConfigurationId(INGEST_ERRORS)
                .bean(embedStep, "embed")
                .split(body()).parallelProcessing()
                .to(INGEST_INDEX);

        from(INGEST_INDEX).routeId(ROUTE_INGEST_INDEX).routeConfigurationId(INGEST_ERRORS)
                .bean(indexStep, "index")
                .bean(leases, "release");

        from("timer:" + ROUTE_INGEST_SUMMARY + "?period=" + config.getSummaryInterval().toMillis()
                + "&delay=" + config.getSummaryInterval().toMillis())
                .routeId(ROUTE_INGEST_SUMMARY)
                .bean(summary, "summarize");
    }
}
