package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two servers' claims on documents, through one store's coordination records; the clock is moved by hand. */
class DocumentLeasesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(30);

    private Path dir;
    private MemoryStore store;
    private MovableClock clock;
    private DocumentLeases first;
    private DocumentLeases second;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("leases-");
        store = new LuceneMemoryStore(dir, 4);
        clock = new MovableClock();
        first = new DocumentLeases(store, clock, TTL);
        second = new DocumentLeases(store, clock, TTL);
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @DisplayName("while one server holds a claim, the other's claim is refused; after release it is granted")
    void oneClaimAtATime() {
        IngestJob job = job(queued("doc1"));

        assertThat(first.claim(job)).isEqualTo(job);
        assertThatThrownBy(() -> second.claim(job)).isInstanceOf(StaleJobException.class);
        assertThatThrownBy(() -> first.claim(job)).as("a second queue entry on the same server")
                .isInstanceOf(StaleJobException.class);

        first.release(store.getDocument("t", "doc1").orElseThrow());
        assertThat(second.claim(job)).isEqualTo(job);
    }

    @Test
    @DisplayName("a claim of a server that died expires after the lease time and can be taken over")
    void expiredClaimIsTakenOver() {
        IngestJob job = job(queued("doc1"));
        first.claim(job);
        StoredDocument document = store.getDocument("t", "doc1").orElseThrow();
        assertThat(second.isFree(document)).isFalse();

        clock.now = T0.plus(TTL).plusSeconds(1);

        assertThat(second.isFree(document)).isTrue();
        assertThat(second.claim(job)).isEqualTo(job);
        first.release(document); // not its claim any more: changes nothing
        assertThat(first.isFree(document)).isFalse();
    }

    @Test
    @DisplayName("finished, changed or deleted documents cannot be claimed, and leave no live claim behind")
    void onlyPendingDocumentsAreClaimed() {
        StoredDocument done = queued("done");
        store.updateStatus("t", "done", 1, DocumentStatus.FAILED, "x");
        StoredDocument changed = queued("changed");

        assertThatThrownBy(() -> first.claim(job(done))).isInstanceOf(StaleJobException.class);
        assertThatThrownBy(() -> first.claim(new IngestJob("t", "changed", 7))).isInstanceOf(StaleJobException.class);
        assertThatThrownBy(() -> first.claim(new IngestJob("t", "ghost", 1))).isInstanceOf(StaleJobException.class);
        assertThat(first.isFree(changed)).isTrue();
        assertThat(second.claim(new IngestJob("t", "changed", 1))).as("released at once, not left to expire")
                .isNotNull();
        second.release(changed);
        first.purgeExpired();
        assertThat(store.listState(DocumentLeases.KEY_PREFIX)).as("released claims are purged").isEmpty();
    }

    @Test
    @DisplayName("a server whose claim expired and was taken over does not release the new holder's claim")
    void releaseIsCompareAndSet() {
        StoredDocument document = queued("slow");
        first.claim(job(document));
        clock.now = T0.plus(TTL).plusSeconds(1);
        second.claim(job(document));

        first.release(document);

        assertThat(first.isFree(document)).as("the second server still holds it").isFalse();
        assertThatThrownBy(() -> first.claim(job(document))).isInstanceOf(StaleJobException.class);
    }

    @Test
    @DisplayName("expired claims are purged; live ones stay")
    void purgeExpired() {
        first.claim(job(queued("old")));
        clock.now = T0.plus(TTL).plusSeconds(1);
        second.claim(job(queued("new")));

        assertThat(second.purgeExpired()).isEqualTo(1);

        assertThat(store.listState(DocumentLeases.KEY_PREFIX)).hasSize(1);
    }

    @Test
    @DisplayName("disabled leases (one server) grant every claim and write nothing")
    void disabled() {
        IngestJob job = job(queued("doc1"));
        DocumentLeases none = DocumentLeases.disabled();

        assertThat(none.claim(job)).isEqualTo(job);
        assertThat(none.claim(job)).isEqualTo(job);
        assertThat(store.listState("")).isEmpty();
    }

    private StoredDocument queued(String id) {
        StoredDocument document = new StoredDocument(id, "t", "tag", null, "text", null, "text", null, "api", null,
                null, Map.of(), DocumentStatus.QUEUED, null, 1, 0, T0, T0);
        store.putDocument(document);
        return document;
    }

    private static IngestJob job(StoredDocument document) {
        return new IngestJob(document.tenant(), document.id(), document.version());
    }

    private static final class MovableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
