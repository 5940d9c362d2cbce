package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.LuceneFiles;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch add is accepted all or nothing: new documents and customId upserts of one batch reach the store in one
 * durable write, so a crash while it is being written leaves none of the batch (and a retry finds no duplicates).
 */
class BatchAcceptanceTest {

    private static final String TENANT = "tenant-batch";
    private static final int DIMENSION = 8;

    @TempDir
    Path dir;
    @TempDir
    Path crashCopy;

    private CamelContext camel;
    private MemoryStore store;
    private DocumentService documents;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        store = new LuceneMemoryStore(dir, DIMENSION);
        documents = new DocumentService(store, new IngestQueue(camel.createProducerTemplate()), Clock.systemUTC(),
                new DocumentEvents());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        camel.close();
    }

    @Test
    @DisplayName("a crash while a batch with plain and customId documents is written leaves none of it")
    void batchWithCustomIdsIsOneDurableWrite() throws IOException {
        documents.add(TENANT, new NewDocument("before the batch", "tag", "kept", Map.of(), null));
        LuceneFiles.copyAsIfKilled(dir, crashCopy);
        long before = Files.size(newestLogFile(crashCopy));
        List<NewDocument> batch = IntStream.range(0, 20)
                .mapToObj(i -> new NewDocument("batch document " + i, "tag", i % 2 == 0 ? "custom-" + i : null,
                        Map.of(), null))
                .toList();

        List<DocumentService.Accepted> accepted = documents.addAll(TENANT, batch);

        assertThat(accepted).hasSize(20);
        byte[] log = Files.readAllBytes(newestLogFile(dir));
        // the process died halfway through writing the batch: the first half of what it logged is on disk
        Files.write(newestLogFile(crashCopy), Arrays.copyOfRange(log, (int) before,
                (int) (before + (log.length - before) / 2)), StandardOpenOption.APPEND);
        try (MemoryStore recovered = new LuceneMemoryStore(crashCopy, DIMENSION)) {
            assertThat(recovered.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 100)
                    .items()).extracting(StoredDocument::customId).containsExactly("kept");
        }
    }

    @Test
    @DisplayName("a customId twice in one batch is one document at its last content")
    void repeatedCustomIdInOneBatch() {
        List<DocumentService.Accepted> accepted = documents.addAll(TENANT, List.of(
                new NewDocument("first", "tag", "same", Map.of(), null),
                new NewDocument("second", "tag", "same", Map.of(), null)));

        assertThat(accepted).extracting(DocumentService.Accepted::id).containsOnly(accepted.get(0).id());
        assertThat(store.findByCustomId(TENANT, "same")).hasValueSatisfying(d -> {
            assertThat(d.content()).isEqualTo("second");
            assertThat(d.version()).isEqualTo(2);
        });
    }

    private static Path newestLogFile(Path storeDir) throws IOException {
        try (Stream<Path> logs = Files.list(storeDir.resolve("wal"))) {
            return logs.max(Comparator.comparing(p -> Long.parseLong(p.getFileName().toString()
                    .replaceAll("\\D", "")))).orElseThrow();
        }
    }
}
