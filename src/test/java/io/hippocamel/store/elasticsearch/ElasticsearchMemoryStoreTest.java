package io.hippocamel.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.MemoryStoreContractTest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store contract against a real Elasticsearch node (embedded, or the cluster at ES_URL). Every test gets its own
 * index prefix, so tests never see each other's documents or BM25 statistics; its indices go when it ends. Also what
 * the batch journal adds: replay leaves newer writes alone, waits for live writers, and handles chained records.
 */
class ElasticsearchMemoryStoreTest extends MemoryStoreContractTest {

    private static final String TENANT = "tenant-batch";
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");
    /** A writer whose clock is an hour behind: its journal records are already expired for everybody else. */
    private static final Clock LONG_AGO = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));

    private String prefix;

    @Override
    protected MemoryStore createStore() {
        prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        return open();
    }

    @Override
    protected MemoryStore reopenStore() {
        return open();
    }

    @AfterEach
    void deleteIndices() throws IOException {
        var client = EsConnection.of(EmbeddedElasticsearch.url()).newClient();
        try {
            EsIndices indices = indices();
            client.indices().delete(d -> d.index(indices.documents(), indices.blobs(), indices.state(),
                    indices.batches()));
        } finally {
            client._transport().close();
        }
    }

    @Test
    @DisplayName("replaying a batch cut off mid-bulk writes the rest and leaves documents changed since alone")
    void partialBatchIsCompletedWithoutOverwritingNewerWrites() throws IOException {
        store.putDocument(queued("upserted", 1));
        List<StoredDocument> batch = IntStream.range(0, 250)
                .mapToObj(i -> i == 100 ? queued("upserted", 2) : queued("batch-" + i, 1)).toList();

        crashDuringBatch(batch, 64);
        assertThat(journalRecords()).isEqualTo(1);
        // meanwhile the first documents were processed, and one of them was replaced by a newer version
        assertThat(store.updateStatus(TENANT, "batch-0", 1, DocumentStatus.DONE, null)).isTrue();
        StoredDocument newer = queued("batch-1", 2);
        store.putDocument(newer);
        store.close();
        store = open();

        assertThat(batch).filteredOn(d -> store.getDocument(TENANT, d.id()).isEmpty()).isEmpty();
        assertThat(store.getDocument(TENANT, "batch-0")).get().extracting(StoredDocument::status)
                .isEqualTo(DocumentStatus.DONE);
        assertThat(store.getDocument(TENANT, "batch-1")).contains(newer);
        assertThat(store.getDocument(TENANT, "upserted")).get().extracting(StoredDocument::version).isEqualTo(2L);
        assertThat(store.listDocuments(new Scope(TENANT, List.of()), null, DocumentSort.NEWEST_FIRST, 0, 1000).total())
                .isEqualTo(250);
        assertThat(journalRecords()).isZero();
    }

    @Test
    @DisplayName("a batch its writer may still be writing is left to it until the writer's hold expires")
    void liveBatchIsLeftToItsWriter() throws IOException {
        List<StoredDocument> batch = IntStream.range(0, 10).mapToObj(i -> queued("batch-" + i, 1)).toList();
        MemoryStore writer = open(Duration.ofMinutes(5), Clock.systemUTC());
        ((ElasticsearchMemoryStore) writer).afterBatchJournaled(() -> {
            throw new SimulatedCrash();
        });
        assertThatThrownBy(() -> writer.putDocuments(batch)).isInstanceOf(SimulatedCrash.class);

        assertThat(store.listUnfinished()).isEmpty();
        try (MemoryStore later = open(Duration.ofMinutes(5), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)))) {
            assertThat(later.listUnfinished()).hasSize(10);
        }
        writer.close();
        assertThat(journalRecords()).isZero();
    }

    @Test
    @DisplayName("a batch larger than one journal record is journaled in parts and completed whole")
    void largeBatchIsJournaledInParts() throws IOException {
        String content = "x".repeat(EsBatchJournal.RECORD_CHARS / 3 + 1);
        List<StoredDocument> batch = IntStream.range(0, 3).mapToObj(i -> queued("big-" + i, 1))
                .map(d -> d.withExtraction(content, null, "text")).toList();

        crashDuringBatch(batch, 0);

        assertThat(journalRecords()).isEqualTo(2);
        store.close();
        store = open();
        assertThat(batch).allSatisfy(d -> assertThat(store.getDocument(TENANT, d.id())).contains(d));
        assertThat(journalRecords()).isZero();
    }

    /** Runs putDocuments(batch) on another writer that dies after journaling it, having written its first documents. */
    @Override
    protected void crashDuringBatch(List<StoredDocument> batch, int written) {
        ElasticsearchMemoryStore writer = (ElasticsearchMemoryStore) open(Duration.ofMinutes(5), LONG_AGO);
        writer.afterBatchJournaled(() -> {
            batch.subList(0, written).forEach(writer::putDocument);
            throw new SimulatedCrash();
        });
        try {
            assertThatThrownBy(() -> writer.putDocuments(batch)).isInstanceOf(SimulatedCrash.class);
        } finally {
            writer.close();
        }
    }

    private long journalRecords() throws IOException {
        ElasticsearchClient client = EsConnection.of(EmbeddedElasticsearch.url()).newClient();
        try {
            client.indices().refresh(r -> r.index(indices().batches()));
            return client.count(c -> c.index(indices().batches())).count();
        } finally {
            client._transport().close();
        }
    }

    private static StoredDocument queued(String id, long version) {
        return new StoredDocument(id, TENANT, "tag", null, "content of " + id, null, "text", null, "api", null, null,
                Map.of(), DocumentStatus.QUEUED, null, version, 0, T0, T0);
    }

    private EsIndices indices() {
        return new EsIndices(prefix, 1, 0);
    }

    private MemoryStore open() {
        return open(Duration.ofMinutes(5), Clock.systemUTC());
    }

    private MemoryStore open(Duration batchHold, Clock clock) {
        return new ElasticsearchMemoryStore(EsConnection.of(EmbeddedElasticsearch.url()).newClient(), indices(),
                DIMENSION, batchHold, clock);
    }

    /** What a server killed at that point would leave: nothing after it runs. */
    private static final class SimulatedCrash extends RuntimeException {
    }
}
