package io.hippocamel.memory;

import org.apache.camel.builder.RouteBuilder;

/**
 * Memory extraction after ingest, one route step per bean: load the document → pick known memories → extract →
 * apply decisions → embed → write. Jobs come from {@link MemoryExtractionTrigger} and
 * {@link MemoryExtractionRecovery} on a SEDA queue of their own. Failures are redelivered at the failing step (the
 * steps after extraction are idempotent; the extractor never throws for content and never re-posts to the LLM on a
 * redelivery of a later step), then dead-lettered as a failed status.
 */
public class MemoryExtractionRoutes extends RouteBuilder {

    public static final String QUEUE = "seda:memory-extract";
    public static final String DEAD_LETTER = "direct:memory-extract-failed";
    public static final String ROUTE_EXTRACT = "memory-extract";
    public static final String ROUTE_FAILED = "memory-extract-failed";
    public static final String ROUTE_RECOVERY = "memory-extract-recovery";

    private final MemoryExtractionProperties config;
    private final ExtractionSourceLoader loader;
    private final KnownMemoryPicker picker;
    private final FactExtraction extraction;
    private final DecisionApplier applier;
    private final MemoryBatchEmbedder embedder;
    private final MemoryBatchWriter writer;
    private final ExtractionFailureHandler failures;
    private final MemoryExtractionRecovery recovery;

    public MemoryExtractionRoutes(MemoryExtractionProperties config, ExtractionSourceLoader loader,
                                  KnownMemoryPicker picker, FactExtraction extraction, DecisionApplier applier,
                                  MemoryBatchEmbedder embedder, MemoryBatchWriter writer,
                                  ExtractionFailureHandler failures, MemoryExtractionRecovery recovery) {
        this.config = config;
        this.loader = loader;
        this.picker = picker;
        this.extraction = extraction;
        this.applier = applier;
        this.embedder = embedder;
        this.writer = writer;
        this.failures = failures;
        this.recovery = recovery;
    }

    @Override
    public void configure() {
        from(QUEUE + "?concurrentConsumers=" + config.concurrency() + "&size=100000&blockWhenFull=true")
                .routeId(ROUTE_EXTRACT)
                .errorHandler(deadLetterChannel(DEAD_LETTER).useOriginalMessage().maximumRedeliveries(3)
                        .redeliveryDelay(500).backOffMultiplier(2).useExponentialBackOff())
                .bean(loader, "load")
                .filter(body().isNotNull())
                .bean(picker, "pick")
                .bean(extraction, "extract")
                .bean(applier, "apply")
                .bean(embedder, "embed")
                .bean(writer, "write");

        from(DEAD_LETTER).routeId(ROUTE_FAILED)
                .process(failures);

        from("timer:" + ROUTE_RECOVERY + "?repeatCount=1&delay=0").routeId(ROUTE_RECOVERY)
                .bean(recovery, "recover");
    }
}
