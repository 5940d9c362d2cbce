package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hippocamel.testsupport.ServerTestSupport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ingest logs: one warning per failed document, one DEBUG line per finished document, and a periodic INFO summary
 * (called directly here instead of waiting for its timer).
 */
class IngestSummaryTest extends ServerTestSupport {

    @Autowired
    IngestSummary summary;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ingestLogger = (Logger) LoggerFactory.getLogger("io.hippocamel.ingest");
    private final Logger examples = (Logger) LoggerFactory.getLogger("hippocamel.examples");
    private Level levelBefore;

    @BeforeEach
    void capture() {
        log.start();
        levelBefore = ingestLogger.getLevel();
        ingestLogger.setLevel(Level.DEBUG);
        ingestLogger.addAppender(log);
        examples.addAppender(log);
    }

    @AfterEach
    void release() {
        ingestLogger.detachAppender(log);
        examples.detachAppender(log);
        ingestLogger.setLevel(levelBefore);
    }

    private List<String> lines(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    @DisplayName("after documents are done and one failed: a DEBUG line each, one warning, then one summary line")
    void summaryAfterIngest() {
        summary.summarize(); // start from a fresh interval
        String tag = uniqueTag("summary");
        String good = id(post("/v3/documents", "{\"content\":\"Summary probe one.\",\"containerTag\":\"" + tag
                + "\"}"));
        String other = id(post("/v3/documents", "{\"content\":\"Summary probe two.\",\"containerTag\":\"" + tag
                + "\"}"));
        awaitDone(good);
        awaitDone(other);
        String bad = id(post("/v3/documents", "{\"content\":\"http://127.0.0.1:1/nothing-listens-here\","
                + "\"containerTag\":\"" + tag + "\"}"));
        assertThat(awaitFinal(bad).get("status").asText()).isEqualTo("failed");

        assertThat(lines(Level.DEBUG)).anySatisfy(line -> assertThat(line).contains("document " + good + " done",
                "tag " + tag, "1 chunk(s)", " ms"));
        assertThat(lines(Level.WARN)).filteredOn(line -> line.contains(bad)).singleElement()
                .satisfies(line -> assertThat(line).contains("failed"));

        IngestSummary.Interval interval = summary.summarize().orElseThrow();
        assertThat(interval.done()).isGreaterThanOrEqualTo(2);
        assertThat(interval.failed()).isGreaterThanOrEqualTo(1);
        assertThat(lines(Level.INFO)).anySatisfy(line -> assertThat(line).startsWith("ingest: ")
                .contains(interval.done() + " document(s) done", interval.failed() + " failed", "queued", "docs/s"));
    }

    @Test
    @DisplayName("an idle interval logs nothing")
    void silentWhenIdle() {
        summary.summarize();
        log.list.clear();

        assertThat(summary.summarize()).isEmpty();
        assertThat(lines(Level.INFO)).isEmpty();
    }

    private static String id(Response response) {
        return response.json().get("id").asText();
    }
}
