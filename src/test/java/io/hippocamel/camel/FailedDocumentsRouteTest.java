package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** routes/failed-documents.yaml: a document that fails processing is reported with its reason. */
class FailedDocumentsRouteTest extends MemoryCamelTestSupport {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("hippocamel.examples.failed-documents");

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    @DisplayName("an unreadable upload fails and the route logs a warning naming the document and the reason")
    void failedDocumentIsReported() {
        String tag = uniqueTag("failing");
        Response r = upload("scan.pdf", "application/pdf", "%PDF-1.4 truncated".getBytes(),
                "containerTag", tag, "customId", "scan-" + tag);
        String id = r.json().get("id").asText();
        assertThat(awaitFinal(id).get("status").asText()).isEqualTo("failed");

        await().atMost(Duration.ofSeconds(10)).until(() -> log.list.stream()
                .anyMatch(e -> e.getFormattedMessage().contains(id)));
        ILoggingEvent warning = log.list.stream().filter(e -> e.getFormattedMessage().contains(id)).findFirst()
                .orElseThrow();
        assertThat(warning.getLevel().toString()).isEqualTo("WARN");
        assertThat(warning.getFormattedMessage()).contains("customId scan-" + tag).contains("container tag " + tag)
                .contains("failed: could not parse the file");
    }
}
