package io.hippocamel.ingest;

import io.hippocamel.HippocamelConstants;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Runs {@link IngestRecovery} once, right after start-up, off the start-up thread; with a shared store also
 * periodically, for documents other servers abandoned.
 */
public class IngestRecoveryRoute extends RouteBuilder {

    private final IngestRecovery recovery;
    private final Duration abandonedCheckInterval;

    public IngestRecoveryRoute(IngestRecovery recovery) {
        this(recovery, null);
    }

    /** Also looks for abandoned documents every {@code abandonedCheckInterval} (null: never; one server). */
    public IngestRecoveryRoute(IngestRecovery recovery, Duration abandonedCheckInterval) {
        this.recovery = recovery;
        this.abandonedCheckInterval = abandonedCheckInterval;
    }

    @Override
    public void configure() {
        from("timer:ingest-recovery?repeatCount=1&delay=0").routeId("ingest-recovery")
                .bean(recovery, "recover");
        if (abandonedCheckInterval != null) {
            long period = abandonedCheckInterval.toMillis();
            from("timer:ingest-abandoned?delay=" + period + "&period=" + period)
                    .routeId(HippocamelConstants.ROUTE_INGEST_ABANDONED)
                    .bean(recovery, "resumeAbandoned");
        }
    }
}
