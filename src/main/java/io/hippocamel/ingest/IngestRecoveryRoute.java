package io.hippocamel.ingest;

import org.apache.camel.builder.RouteBuilder;

/** Runs {@link IngestRecovery} once, right after start-up, off the start-up thread. */
public class IngestRecoveryRoute extends RouteBuilder {

    private final IngestRecovery recovery;

    public IngestRecoveryRoute(IngestRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public void configure() {
        from("timer:ingest-recovery?repeatCount=1&delay=0").routeId("ingest-recovery")
                .bean(recovery, "recover");
    }
}
