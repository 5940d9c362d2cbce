package io.hippocamel.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the documents the pipeline finished and, when asked (every {@code hippocamel.ingest.summary-interval}),
 * logs one INFO line of what happened since the last summary; silent when nothing did.
 */
public class IngestSummary {

    private static final Logger LOG = LoggerFactory.getLogger(IngestSummary.class);

    /** What happened in one interval: documents done and failed, documents waiting, and the throughput. */
    public record Interval(long done, long failed, int queued, double docsPerSecond, Duration length) {
    }

    private final Clock clock;
    private final IntSupplier queueDepth;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Instant since;

    public IngestSummary(Clock clock, IntSupplier queueDepth) {
        this.clock = clock;
        this.queueDepth = queueDepth;
        this.since = clock.instant();
    }

    void documentDone() {
        done.incrementAndGet();
    }

    void documentFailed() {
        failed.incrementAndGet();
    }

    /** Logs and returns the interval since the last call, or nothing (and no log line) when the pipeline was idle. */
    public synchronized Optional<Interval> summarize() {
        Instant now = clock.instant();
        Duration length = Duration.between(since, now);
        since = now;
        long doneNow = done.getAndSet(0);
        long failedNow = failed.getAndSet(0);
        int queued = queueDepth.getAsInt();
        if (doneNow == 0 && failedNow == 0 && queued == 0) {
            return Optional.empty();
        }
        double seconds = Math.max(length.toMillis(), 1) / 1000.0;
        Interval interval = new Interval(doneNow, failedNow, queued, (doneNow + failedNow) / seconds, length);
        LOG.info("ingest: {} document(s) done, {} failed, {} queued, {} docs/s over the last {} s", doneNow, failedNow,
                queued, String.format(java.util.Locale.ROOT, "%.1f", interval.docsPerSecond()), length.toSeconds());
        return Optional.of(interval);
    }
}
