package io.hippocamel.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hippocamel.testsupport.LuceneFiles;
import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.MemoryStoreContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene store against the shared contract, plus what only this backend promises. */
class LuceneMemoryStoreTest extends MemoryStoreContractTest {

    private static final String TENANT = "tenant-a";
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30Z");

    @TempDir
    Path dir;

    @TempDir
    Path crashCopy;

    @TempDir
    Path wholeEntry;

    @Override
    protected MemoryStore createStore() {
        return new LuceneMemoryStore(dir, DIMENSION);
    }

    /** What {@link #reopenStore()} opens: the store's directory, or a copy of it taken as if the process died. */
    private Path reopenFrom;

    @Override
    protected MemoryStore reopenStore() {
        return new LuceneMemoryStore(reopenFrom == null ? dir : reopenFrom, DIMENSION);
    }

    /**
     * The batch's log entry is its acceptance; its index writes are never committed before a kill, so the copy taken
     * right after putDocuments holds none of them in the index, whatever {@code written} says.
     */
    @Override
    protected void crashDuringBatch(List<StoredDocument> batch, int written) {
        store.putDocuments(batch);
        try {
            LuceneFiles.copyAsIfKilled(dir, crashCopy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reopenFrom = crashCopy;
    }

    @Test
    @DisplayName("after an unclean stop, replaying the log restores every durable write")
    void durableWritesSurviveUncleanStop() throws IOException {
        writeOneOfEach(store);

        // the store stays open: nothing is committed or cleaned up on the way out
        LuceneFiles.copyAsIfKilled(dir, crashCopy);

        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertHoldsOneOfEach(recovered);
        }
    }

    @Test
    @DisplayName("after an unclean stop, coordination records and their deletions are replayed from the log")
    void stateSurvivesUncleanStop() throws IOException {
        store.compareAndSetState("connector:a:cursor", "c1", 0);
        store.compareAndSetState("connector:a:cursor", "c2", 1);
        store.compareAndSetState("connector:a:lease", "owner", 0);
        store.deleteState("connector:a:lease");
        checkpointed().compareAndSetState("connector:b:cursor", "after checkpoint", 0);

        LuceneFiles.copyAsIfKilled(dir, crashCopy);

        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertThat(recovered.listState("connector:")).containsExactly(
                    new StateRecord("connector:a:cursor", "c2", 2),
                    new StateRecord("connector:b:cursor", "after checkpoint", 1));
        }
    }

    /** The store after a checkpoint: what came before is in a Lucene commit, not (only) in the log. */
    private MemoryStore checkpointed() {
        ((LuceneMemoryStore) store).checkpointNow();
        return store;
    }

    @Test
    @DisplayName("a torn entry at the end of the log (the write a crash interrupted) is ignored")
    void tornLastEntryIgnored() throws IOException {
        writeOneOfEach(store);
        LuceneFiles.copyAsIfKilled(dir, crashCopy);

        // a header announcing 1000 bytes, followed by only 3 of them
        Files.write(newestLogFile(crashCopy), new byte[] {0, 0, 3, (byte) 0xE8, 1, 2, 3, 4, 9, 9, 9},
                StandardOpenOption.APPEND);

        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertHoldsOneOfEach(recovered);
        }
    }

    @Test
    @DisplayName("a batch is one log entry: a crash while it is being logged leaves none of it, not its first part")
    void batchIsAllOrNothingAcrossACrash() throws IOException {
        writeOneOfEach(store);
        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        long before = Files.size(newestLogFile(crashCopy));
        List<StoredDocument> batch = IntStream.range(0, 250).mapToObj(i -> queued("batch-" + i)).toList();
        store.putDocuments(batch);
        Path written = newestLogFile(dir);
        long after = Files.size(written);
        LuceneFiles.copyAsIfKilled(dir, wholeEntry);
        try (MemoryStore recovered = new LuceneMemoryStore(wholeEntry, DIMENSION)) {
            assertThat(batch).filteredOn(d -> recovered.getDocument(TENANT, d.id()).isEmpty()).isEmpty();
        }

        // the process died halfway through writing the batch to the log: only the first half of its bytes are there
        byte[] bytes = Files.readAllBytes(written);
        Files.write(newestLogFile(crashCopy), Arrays.copyOfRange(bytes, (int) before,
                (int) (before + (after - before) / 2)), StandardOpenOption.APPEND);

        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertHoldsOneOfEach(recovered);
            assertThat(batch).filteredOn(d -> recovered.getDocument(TENANT, d.id()).isPresent()).isEmpty();
        }
    }

    @Test
    @DisplayName("a damaged entry in the middle of the log makes opening fail instead of skipping writes")
    void corruptLogRefusesToOpen() throws IOException {
        writeOneOfEach(store);
        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        Path log = newestLogFile(crashCopy);
        byte[] bytes = Files.readAllBytes(log);
        bytes[20] ^= 0x55; // inside the first entry's payload: its checksum no longer matches
        Files.write(log, bytes);
        Files.move(log, log.resolveSibling("wal-0.log")); // an older file than the one the store starts next
        Files.write(log, new byte[0]);

        assertThatThrownBy(() -> new LuceneMemoryStore(crashCopy, DIMENSION))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot open store");
    }

    @Test
    @DisplayName("a checkpoint commits the index and drops the log files it makes redundant")
    void checkpointCommitsAndDropsLogs() throws IOException {
        store.close();
        store = new LuceneMemoryStore(dir, DIMENSION, 1); // every write checkpoints
        writeOneOfEach(store);

        try (Stream<Path> logs = Files.list(dir.resolve("wal"))) {
            assertThat(logs).hasSize(1);
        }
        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertHoldsOneOfEach(recovered);
        }
    }

    @Test
    @DisplayName("writes racing checkpoints are neither lost nor left out of the durable state")
    void writesRacingCheckpoints() throws Exception {
        store.close();
        LuceneMemoryStore racing = new LuceneMemoryStore(dir, DIMENSION, 2_000);
        store = racing;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = IntStream.range(0, 4).mapToObj(t -> pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    completed("w" + t + "-" + i, "racing text");
                }
            })).collect(Collectors.toList());
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        racing.checkpointNow();
        store.putDocument(queued("after-checkpoint"));

        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertThat(recovered.chunkCount()).isEqualTo(60);
            assertThat(recovered.getDocument(TENANT, "after-checkpoint")).isPresent();
        }
    }

    @Test
    @DisplayName("every durable write waits for an fsync of the log; non-final status updates do not")
    void onlyDurableWritesSync() {
        LuceneMemoryStore lucene = (LuceneMemoryStore) store;
        List<Runnable> durable = List.of(
                () -> store.putDocument(queued("doc1")),
                () -> store.putDocuments(List.of(queued("doc2"), queued("doc3"))),
                () -> store.completeDocument(done("doc2"), List.of(new Chunk("doc2-0", "doc2", 0, "t",
                        vector("doc2", 0)))),
                () -> store.updateStatus(TENANT, "doc1", 1, DocumentStatus.FAILED, "x"),
                () -> store.deleteDocument(TENANT, "doc2"),
                () -> store.deleteByContainerTags(TENANT, List.of("tag")));
        for (Runnable write : durable) {
            long before = lucene.syncCount();
            write.run();
            assertThat(lucene.syncCount()).isEqualTo(before + 1);
        }

        store.putDocument(queued("doc4"));
        long before = lucene.syncCount();
        store.updateStatus(TENANT, "doc4", 1, DocumentStatus.EXTRACTING, null);
        store.updateStatus(TENANT, "doc4", 1, DocumentStatus.EMBEDDING, null);
        assertThat(lucene.syncCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("in-between statuses live in memory: visible at once, no index write, gone after a crash")
    void inBetweenStatusesStayInMemory() throws IOException {
        LuceneMemoryStore lucene = (LuceneMemoryStore) store;
        store.putDocument(queued("doc1"));
        long writesBefore = lucene.indexWrites();

        assertThat(store.updateStatus(TENANT, "doc1", 1, DocumentStatus.EMBEDDING, null)).isTrue();

        assertThat(lucene.indexWrites()).isEqualTo(writesBefore);
        StoredDocument seen = store.getDocument(TENANT, "doc1").orElseThrow();
        assertThat(seen.status()).isEqualTo(DocumentStatus.EMBEDDING);
        assertThat(seen.updatedAt()).isEqualTo(T0); // the last durable change
        assertThat(store.listUnfinished()).extracting(StoredDocument::status).containsExactly(DocumentStatus.EMBEDDING);
        assertThat(store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 10).items())
                .extracting(StoredDocument::status).containsExactly(DocumentStatus.EMBEDDING);
        assertThat(store.updateStatus(TENANT, "doc1", 2, DocumentStatus.INDEXING, null)).isFalse();

        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertThat(recovered.getDocument(TENANT, "doc1").orElseThrow().status())
                    .isEqualTo(DocumentStatus.QUEUED);
        }

        assertThat(store.completeDocument(done("doc1"), List.of())).isTrue();
        assertThat(store.getDocument(TENANT, "doc1").orElseThrow().status()).isEqualTo(DocumentStatus.DONE);
        assertThat(lucene.inFlightCount()).isZero();
    }

    @Test
    @DisplayName("search sees pending writes at once, and a write-only burst stays bounded in memory")
    void pendingWritesStayBounded() {
        LuceneMemoryStore lucene = (LuceneMemoryStore) store;
        store.putDocuments(IntStream.range(0, 1_001).mapToObj(i -> queued("doc" + i)).toList());

        assertThat(lucene.pendingWrites()).isZero();
        store.putDocument(queued("one-more"));
        assertThat(lucene.pendingWrites()).isEqualTo(1);
        assertThat(store.listUnfinished()).hasSize(1_002); // from the pending writes: no reopen for a poll
        assertThat(lucene.pendingWrites()).isEqualTo(1);
        assertThat(store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 1).total())
                .isEqualTo(1_002);
        assertThat(lucene.pendingWrites()).isZero();
    }

    @Test
    @DisplayName("the index lives in <dir>/index, the log in <dir>/wal, blobs in <dir>/blobs/<sha-256 of tenant>/<id>")
    void directoryLayout() {
        store.putDocument(queued("doc1"));
        store.putBlob(TENANT, "doc1", new byte[] {1, 2, 3});

        assertThat(dir.resolve("index")).isDirectoryContaining("glob:**/segments_*");
        assertThat(dir.resolve("wal")).isDirectoryContaining("glob:**/wal-*.log");
        assertThat(dir.resolve("blobs").resolve(BlobFiles.tenantFolder(TENANT)).resolve("doc1")).hasBinaryContent(
                new byte[] {1, 2, 3});
    }

    @Test
    @DisplayName("a clean close leaves nothing to replay")
    void cleanCloseEmptiesLog() throws IOException {
        writeOneOfEach(store);

        store.close();

        try (Stream<Path> logs = Files.list(dir.resolve("wal"))) {
            assertThat(logs).isEmpty();
        }
        store = reopenStore();
        assertHoldsOneOfEach(store);
    }

    @Test
    @DisplayName("blob ids that could leave the blob folder are refused; any tenant name is safe")
    void blobPathsCannotEscape() {
        for (String unsafe : List.of("../escape", "a/b", "..", "", "doc1\u0000")) {
            assertThatThrownBy(() -> store.putBlob(TENANT, unsafe, new byte[1]))
                    .as(unsafe).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.getBlob(TENANT, "../escape")).isEmpty();

        store.putBlob("../../evil tenant", "doc1", new byte[] {7});

        assertThat(store.getBlob("../../evil tenant", "doc1"))
                .hasValueSatisfying(b -> assertThat(b).containsExactly(7));
        assertThat(dir.getParent()).isDirectoryNotContaining("glob:**/doc1");
    }

    @Test
    @DisplayName("vectors of the wrong dimension are refused")
    void wrongDimensionRefused() {
        store.putDocument(queued("doc1"));
        List<Chunk> wrong = List.of(new Chunk("doc1-0", "doc1", 0, "text", new float[] {1, 0, 0}));

        assertThatThrownBy(() -> store.completeDocument(done("doc1"), wrong))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.searchVector(Scope.allTags(TENANT), new float[] {1, 0}, null, null, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.getDocument(TENANT, "doc1").orElseThrow().status()).isEqualTo(DocumentStatus.QUEUED);
    }

    @Test
    @DisplayName("chunks of another document are refused by completeDocument")
    void foreignChunksRefused() {
        store.putDocument(queued("doc1"));
        List<Chunk> foreign = List.of(new Chunk("doc2-0", "doc2", 0, "text", vector("doc2", 0)));

        assertThatThrownBy(() -> store.completeDocument(done("doc1"), foreign))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("listDocuments tells apart timestamps that differ by a nanosecond")
    void listDocumentsSortsByFullPrecision() {
        StoredDocument later = queued("a-later"); // ids sort the other way round than times
        later = new StoredDocument(later.id(), later.tenant(), later.containerTag(), null, later.content(), null,
                later.type(), null, later.source(), null, null, later.metadata(), later.status(), null,
                later.version(), 0, T0.plusNanos(1), T0);
        store.putDocuments(List.of(later, queued("b-earlier")));

        List<StoredDocument> listed = store.listDocuments(Scope.allTags(TENANT), null,
                new DocumentSort(DocumentSort.Field.CREATED_AT, false), 0, 10).items();

        assertThat(listed).extracting(StoredDocument::id).containsExactly("b-earlier", "a-later");
    }

    @Test
    @DisplayName("closing twice is harmless")
    void closeIsIdempotent() {
        store.close();
        store.close();
    }

    /** A done document with a chunk, a failed one, a deleted one, a blob and a document with a non-final status. */
    private void writeOneOfEach(MemoryStore target) {
        target.putDocument(queued("doc1"));
        target.completeDocument(done("doc1"), List.of(new Chunk("doc1-0", "doc1", 0, "committed text",
                vector("doc1", 0), "its context")));
        target.putDocument(queued("doc2"));
        target.updateStatus(TENANT, "doc2", 1, DocumentStatus.FAILED, "final");
        target.putDocument(queued("gone"));
        target.deleteDocument(TENANT, "gone");
        target.putBlob(TENANT, "doc1", "file".getBytes(StandardCharsets.UTF_8));
        target.putDocument(queued("doc3"));
        target.updateStatus(TENANT, "doc3", 1, DocumentStatus.EXTRACTING, null);
    }

    private void assertHoldsOneOfEach(MemoryStore recovered) {
        assertThat(recovered.getDocument(TENANT, "doc1")).contains(done("doc1"));
        assertThat(recovered.getChunks(TENANT, "doc1")).extracting(Chunk::text).containsExactly("committed text");
        assertThat(recovered.getChunks(TENANT, "doc1")).extracting(Chunk::context).containsExactly("its context");
        assertThat(recovered.searchText(Scope.allTags(TENANT), "committed", null, null, 10)).hasSize(1);
        assertThat(recovered.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)).hasSize(1);
        assertThat(recovered.getDocument(TENANT, "doc2")).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DocumentStatus.FAILED);
            assertThat(d.error()).isEqualTo("final");
        });
        assertThat(recovered.getDocument(TENANT, "gone")).isEmpty();
        assertThat(recovered.getBlob(TENANT, "doc1")).isPresent();
        // doc3's last status was not durable: it may come back queued or extracting, unfinished either way
        assertThat(recovered.listUnfinished()).extracting(StoredDocument::id).containsExactly("doc3");
        assertThat(recovered.chunkCount()).isEqualTo(1);
    }

    private static Path newestLogFile(Path storeDir) throws IOException {
        try (Stream<Path> logs = Files.list(storeDir.resolve("wal"))) {
            return logs.max(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString()
                    .replaceAll("\\D", "")))).orElseThrow();
        }
    }

    private StoredDocument completed(String id, String text) {
        store.putDocument(queued(id));
        StoredDocument done = done(id);
        store.completeDocument(done, List.of(new Chunk(Chunk.idFor(id, 0), id, 0, text, vector(id, 0))));
        return done;
    }

    private static StoredDocument queued(String id) {
        return new StoredDocument(id, TENANT, "tag", null, "content", null, "text", null, "api", null, null,
                Map.of("k", 1), DocumentStatus.QUEUED, null, 1, 0, T0, T0);
    }

    private static StoredDocument done(String id) {
        return queued(id).withStatus(DocumentStatus.DONE, null, T0).withChunkCount(1);
    }
}
