package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hippocamel.testsupport.ServerTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pipeline and the document service announce queued, done, failed and deleted documents. */
class DocumentEventsTest extends ServerTestSupport {

    @Autowired
    DocumentEvents events;

    private final List<DocumentEvent> seen = new CopyOnWriteArrayList<>();
    private Runnable unsubscribe;

    @BeforeEach
    void subscribe() {
        unsubscribe = events.subscribe(seen::add);
    }

    @AfterEach
    void unsubscribe() {
        unsubscribe.run();
    }

    private List<DocumentEvent.Type> typesOf(String id) {
        return seen.stream().filter(e -> id.equals(e.documentId())).map(DocumentEvent::type).toList();
    }

    @Test
    @DisplayName("a document's life is announced: queued, done, deleted")
    void lifecycle() {
        String tag = uniqueTag("events");
        String id = add("{\"content\":\"An event-worthy note.\",\"containerTag\":\"" + tag + "\"}");
        awaitDone(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(id).contains(DocumentEvent.Type.DONE));
        delete("/v3/documents/" + id, null);
        assertThat(typesOf(id)).containsExactly(DocumentEvent.Type.QUEUED, DocumentEvent.Type.DONE,
                DocumentEvent.Type.DELETED);
        DocumentEvent done = seen.stream().filter(e -> id.equals(e.documentId())
                && e.type() == DocumentEvent.Type.DONE).findFirst().orElseThrow();
        assertThat(done.containerTag()).isEqualTo(tag);
    }

    @Test
    @DisplayName("a failed document is announced with its reason")
    void failure() {
        Response r = upload("bad.pdf", "application/pdf", "%PDF-1.4 broken".getBytes(StandardCharsets.UTF_8),
                "containerTag", uniqueTag("events"));
        String id = r.json().get("id").asText();
        awaitFinal(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> typesOf(id).contains(DocumentEvent.Type.FAILED));
        DocumentEvent failed = seen.stream().filter(e -> id.equals(e.documentId())
                && e.type() == DocumentEvent.Type.FAILED).findFirst().orElseThrow();
        assertThat(failed.error()).isNotBlank();
    }
}
