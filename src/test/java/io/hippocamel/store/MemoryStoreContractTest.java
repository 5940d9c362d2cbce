package io.hippocamel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.And;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.FilterType;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import io.hippocamel.core.MetadataFilter.Or;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@link MemoryStore} contract, run by every backend: a subclass says how to make a fresh, empty store and how to
 * open the same data again. Vectors are seeded random unit vectors; no embedding model is involved.
 */
public abstract class MemoryStoreContractTest {

    /** Vector length every store under test must accept. */
    protected static final int DIMENSION = 16;

    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";
    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

    protected MemoryStore store;

    /** A new, empty store. Called before each test. */
    protected abstract MemoryStore createStore();

    /** A new store over the data of the last store {@link #createStore()} made, which the test has closed. */
    protected abstract MemoryStore reopenStore();

    /**
     * Leaves the data as a server killed inside {@code putDocuments(batch)} would: after the batch's acceptance became
     * durable, with only its first {@code written} documents stored (deterministically: no timing, no kill -9). The
     * test then closes {@link #store} and opens that data with {@link #reopenStore()}.
     */
    protected abstract void crashDuringBatch(List<StoredDocument> batch, int written);

    @BeforeEach
    void openStore() {
        store = createStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- documents ----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("putDocument then getDocument returns every field, metadata values of each type included")
    void putAndGetRoundTripEveryField() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("text", "Hello, world");
        metadata.put("int", 42);
        metadata.put("long", 9_000_000_000L);
        metadata.put("double", 2.75);
        metadata.put("bool", true);
        metadata.put("list", List.of("a", "b", "c"));
        StoredDocument document = new StoredDocument("doc1", TENANT, "tag-a", "custom-1", "the content", "A title",
                "pdf", "https://example.com/a.pdf", "file", "a.pdf", "application/pdf", metadata,
                DocumentStatus.FAILED, "parser crashed", 7, 3, T0, T0.plusSeconds(60));

        store.putDocument(document);

        assertThat(store.getDocument(TENANT, "doc1")).contains(document);
    }

    @Test
    @DisplayName("putDocument with nulls in the optional fields round-trips them as nulls")
    void putAndGetRoundTripNulls() {
        StoredDocument document = new StoredDocument("doc1", TENANT, "tag-a", null, null, null, "text", null, "api",
                null, null, Map.of(), DocumentStatus.QUEUED, null, 1, 0, T0, T0);

        store.putDocument(document);

        assertThat(store.getDocument(TENANT, "doc1")).contains(document);
    }

    @Test
    @DisplayName("putDocument replaces the record with the same tenant and id")
    void putDocumentReplaces() {
        store.putDocument(doc("doc1").content("first").build());
        StoredDocument second = doc("doc1").content("second").metadata(Map.of("k", "v")).build();

        store.putDocument(second);

        assertThat(store.getDocument(TENANT, "doc1")).contains(second);
        assertThat(store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 10).total())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("getDocument of an unknown id is empty")
    void getUnknownDocument() {
        assertThat(store.getDocument(TENANT, "nope")).isEmpty();
    }

    @Test
    @DisplayName("putDocuments stores every document of the batch")
    void putDocumentsStoresAll() {
        List<StoredDocument> batch = List.of(doc("doc1").build(), doc("doc2").build(), doc("doc3").build());

        store.putDocuments(batch);

        batch.forEach(d -> assertThat(store.getDocument(TENANT, d.id())).contains(d));
    }

    @Test
    @DisplayName("a batch accepted before the server died is all there after recovery, not its first part")
    void batchAcceptedBeforeACrashIsRecoveredWhole() {
        store.putDocument(doc("before").build());
        List<StoredDocument> batch = IntStream.range(0, 250).mapToObj(i -> doc("batch-" + i).build()).toList();

        crashDuringBatch(batch, 64);
        store.close();
        store = reopenStore();

        assertThat(batch).filteredOn(d -> !store.getDocument(TENANT, d.id()).equals(Optional.of(d)))
                .isEmpty();
        assertThat(store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 1000).total())
                .isEqualTo(251);
        assertThat(store.listUnfinished()).extracting(StoredDocument::id)
                .containsAll(batch.stream().map(StoredDocument::id).toList());
    }

    @Test
    @DisplayName("findByCustomId finds the document with that custom id, and nothing for an unknown one")
    void findByCustomId() {
        StoredDocument mine = doc("doc1").customId("my-id").build();
        store.putDocuments(List.of(mine, doc("doc2").customId("other-id").build()));

        assertThat(store.findByCustomId(TENANT, "my-id")).contains(mine);
        assertThat(store.findByCustomId(TENANT, "unknown")).isEmpty();
    }

    // ---- tenancy ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("another tenant cannot get a document by id or by custom id")
    void otherTenantCannotGet() {
        store.putDocument(doc("doc1").customId("my-id").build());

        assertThat(store.getDocument(OTHER_TENANT, "doc1")).isEmpty();
        assertThat(store.findByCustomId(OTHER_TENANT, "my-id")).isEmpty();
    }

    @Test
    @DisplayName("listDocuments and listing totals only cover the caller's tenant")
    void otherTenantCannotList() {
        store.putDocuments(List.of(doc("doc1").build(), doc(OTHER_TENANT, "doc2").build()));

        Page<StoredDocument> page = store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 10);

        assertThat(ids(page.items())).containsExactly("doc1");
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    @DisplayName("text and vector search never return another tenant's chunks")
    void otherTenantCannotSearch() {
        indexed(doc("doc1"), "shared words about tenancy");
        indexed(doc(OTHER_TENANT, "doc2"), "shared words about tenancy");

        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "tenancy", null, null, 10)))
                .containsExactly("doc1");
        assertThat(documentIds(store.searchVector(Scope.allTags(TENANT), vector("doc2", 0), null, null, 10)))
                .containsExactly("doc1");
        assertThat(store.searchText(Scope.allTags(TENANT), "tenancy", null, "doc2", 10)).isEmpty();
    }

    @Test
    @DisplayName("another tenant cannot delete a document, by id or by container tag, nor read its blob")
    void otherTenantCannotDelete() {
        indexed(doc("doc1"), "some text");
        store.putBlob(TENANT, "doc1", bytes("file"));

        assertThat(store.deleteDocument(OTHER_TENANT, "doc1")).isFalse();
        assertThat(store.deleteByContainerTags(OTHER_TENANT, List.of("tag-a"))).isZero();

        assertThat(store.getDocument(TENANT, "doc1")).isPresent();
        assertThat(store.getChunks(TENANT, "doc1")).hasSize(1);
        assertThat(store.getBlob(TENANT, "doc1")).hasValue(bytes("file"));
        assertThat(store.getBlob(OTHER_TENANT, "doc1")).isEmpty();
    }

    @Test
    @DisplayName("the same id in two tenants names two independent documents")
    void sameIdInTwoTenants() {
        StoredDocument mine = indexed(doc("doc1").content("mine"), "mine");
        indexed(doc(OTHER_TENANT, "doc1").content("theirs"), "theirs");

        assertThat(store.deleteDocument(OTHER_TENANT, "doc1")).isTrue();

        assertThat(store.getDocument(TENANT, "doc1")).contains(mine);
        assertThat(store.getChunks(TENANT, "doc1")).extracting(Chunk::text).containsExactly("mine");
        assertThat(store.getDocument(OTHER_TENANT, "doc1")).isEmpty();
    }

    @Test
    @DisplayName("updateStatus and completeDocument cannot reach another tenant's document")
    void otherTenantCannotUpdate() {
        StoredDocument mine = doc("doc1").build();
        store.putDocument(mine);

        assertThat(store.updateStatus(OTHER_TENANT, "doc1", 1, DocumentStatus.FAILED, "x")).isFalse();
        StoredDocument impostor = doc(OTHER_TENANT, "doc1").status(DocumentStatus.DONE).build();
        assertThat(store.completeDocument(impostor, chunks("doc1", "sneaky"))).isFalse();

        assertThat(store.getDocument(TENANT, "doc1")).contains(mine);
        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
    }

    // ---- container tags -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("a scope with one tag, several tags or no tag lists the matching documents")
    void containerTagScopingOfListings() {
        store.putDocuments(List.of(doc("doc1").tag("red").build(), doc("doc2").tag("green").build(),
                doc("doc3").tag("blue").build()));

        assertThat(listedIds(new Scope(TENANT, List.of("red")))).containsExactlyInAnyOrder("doc1");
        assertThat(listedIds(new Scope(TENANT, List.of("red", "blue")))).containsExactlyInAnyOrder("doc1", "doc3");
        assertThat(listedIds(Scope.allTags(TENANT))).containsExactlyInAnyOrder("doc1", "doc2", "doc3");
        assertThat(listedIds(new Scope(TENANT, List.of("purple")))).isEmpty();
    }

    @Test
    @DisplayName("a scope with one tag, several tags or no tag searches the matching chunks")
    void containerTagScopingOfSearch() {
        indexed(doc("doc1").tag("red"), "a note about apples");
        indexed(doc("doc2").tag("green"), "a note about apples");
        indexed(doc("doc3").tag("blue"), "a note about apples");

        assertThat(documentIds(store.searchText(new Scope(TENANT, List.of("red")), "apples", null, null, 10)))
                .containsExactlyInAnyOrder("doc1");
        assertThat(documentIds(store.searchText(new Scope(TENANT, List.of("red", "blue")), "apples", null, null, 10)))
                .containsExactlyInAnyOrder("doc1", "doc3");
        assertThat(documentIds(store.searchVector(new Scope(TENANT, List.of("green")), vector("doc1", 0), null,
                null, 10))).containsExactlyInAnyOrder("doc2");
        assertThat(documentIds(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)))
                .containsExactlyInAnyOrder("doc1", "doc2", "doc3");
    }

    @Test
    @DisplayName("chunk hits report their document's container tag")
    void hitsCarryContainerTag() {
        indexed(doc("doc1").tag("red"), "tagged text");

        assertThat(store.searchText(Scope.allTags(TENANT), "tagged", null, null, 10))
                .extracting(ChunkHit::containerTag).containsExactly("red");
    }

    // ---- status -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("updateStatus at the expected version moves the status, sets the error and updatedAt")
    void updateStatusAtExpectedVersion() {
        store.putDocument(doc("doc1").version(3).build());
        Instant before = Instant.now();

        assertThat(store.updateStatus(TENANT, "doc1", 3, DocumentStatus.FAILED, "boom")).isTrue();

        StoredDocument updated = store.getDocument(TENANT, "doc1").orElseThrow();
        assertThat(updated.status()).isEqualTo(DocumentStatus.FAILED);
        assertThat(updated.error()).isEqualTo("boom");
        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.updatedAt()).isAfterOrEqualTo(before);
        assertThat(updated.createdAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("updateStatus at another version changes nothing and returns false")
    void updateStatusAtWrongVersion() {
        StoredDocument document = doc("doc1").version(3).build();
        store.putDocument(document);

        assertThat(store.updateStatus(TENANT, "doc1", 2, DocumentStatus.EXTRACTING, null)).isFalse();

        assertThat(store.getDocument(TENANT, "doc1")).contains(document);
    }

    @Test
    @DisplayName("updateStatus of an unknown document returns false and creates nothing")
    void updateStatusOfUnknownDocument() {
        assertThat(store.updateStatus(TENANT, "ghost", 1, DocumentStatus.DONE, null)).isFalse();

        assertThat(store.getDocument(TENANT, "ghost")).isEmpty();
    }

    // ---- completion and chunks ----------------------------------------------------------------------------------

    @Test
    @DisplayName("completeDocument at the stored version stores the document and its chunks")
    void completeDocumentStoresDocumentAndChunks() {
        store.putDocument(doc("doc1").build());
        StoredDocument done = doc("doc1").status(DocumentStatus.DONE).chunkCount(2).build();
        List<Chunk> chunks = chunks("doc1", "first part", "second part");

        assertThat(store.completeDocument(done, chunks)).isTrue();

        assertThat(store.getDocument(TENANT, "doc1")).contains(done);
        assertThat(store.getChunks(TENANT, "doc1")).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(chunks);
        assertThat(store.chunkCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("completeDocument of a deleted document returns false and leaves no chunks behind")
    void completeDocumentAfterDelete() {
        store.putDocument(doc("doc1").build());
        store.deleteDocument(TENANT, "doc1");

        boolean completed = store.completeDocument(doc("doc1").status(DocumentStatus.DONE).build(),
                chunks("doc1", "orphan?"));

        assertThat(completed).isFalse();
        assertThat(store.getDocument(TENANT, "doc1")).isEmpty();
        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
        assertThat(store.chunkCount()).isZero();
    }

    @Test
    @DisplayName("completeDocument for an outdated version returns false and changes nothing")
    void completeDocumentAfterVersionChange() {
        StoredDocument newer = doc("doc1").version(2).content("new content").build();
        store.putDocument(doc("doc1").version(1).build());
        store.putDocument(newer);

        boolean completed = store.completeDocument(doc("doc1").version(1).status(DocumentStatus.DONE).build(),
                chunks("doc1", "stale result"));

        assertThat(completed).isFalse();
        assertThat(store.getDocument(TENANT, "doc1")).contains(newer);
        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
    }

    @Test
    @DisplayName("completing a document again replaces all of its old chunks")
    void reCompleteReplacesChunks() {
        indexed(doc("doc1"), "old one", "old two", "old three");
        StoredDocument again = doc("doc1").status(DocumentStatus.DONE).chunkCount(1).build();

        assertThat(store.completeDocument(again, List.of(chunk("doc1", 0, "new only")))).isTrue();

        assertThat(store.getChunks(TENANT, "doc1")).extracting(Chunk::text).containsExactly("new only");
        assertThat(store.searchText(Scope.allTags(TENANT), "old", null, null, 10)).isEmpty();
        assertThat(store.chunkCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("getChunks returns the chunks ordered by position, with their vectors")
    void getChunksInPositionOrder() {
        store.putDocument(doc("doc1").build());
        List<Chunk> chunks = chunks("doc1", "zero", "one", "two", "three", "four");
        List<Chunk> shuffled = new ArrayList<>(chunks);
        Collections.shuffle(shuffled, new Random(7));
        store.completeDocument(doc("doc1").status(DocumentStatus.DONE).build(), shuffled);

        List<Chunk> stored = store.getChunks(TENANT, "doc1");

        assertThat(stored).extracting(Chunk::position).containsExactly(0, 1, 2, 3, 4);
        assertThat(stored).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(chunks);
    }

    @Test
    @DisplayName("getChunks of an unknown document is empty")
    void getChunksOfUnknownDocument() {
        assertThat(store.getChunks(TENANT, "ghost")).isEmpty();
    }

    @Test
    @DisplayName("chunkCount counts the chunks of every tenant")
    void chunkCountCoversAllTenants() {
        indexed(doc("doc1"), "a", "b");
        indexed(doc(OTHER_TENANT, "doc2"), "c", "d", "e");

        assertThat(store.chunkCount()).isEqualTo(5);
    }

    // ---- search -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("searchVector finds a chunk's own vector first with score 1, scores (1 + cosine) / 2 best first")
    void searchVectorScores() {
        for (int i = 1; i <= 6; i++) {
            indexed(doc("doc" + i), "text " + i);
        }
        float[] query = vector("doc4", 0);

        List<ChunkHit> hits = store.searchVector(Scope.allTags(TENANT), query, null, null, 4);

        assertThat(hits).hasSize(4);
        assertThat(hits.get(0).chunk().id()).isEqualTo(Chunk.idFor("doc4", 0));
        assertThat(hits.get(0).score()).isCloseTo(1f, within(1e-4f));
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.score()).isBetween(0f, 1f);
            assertThat(hit.score()).isCloseTo((1 + dot(query, hit.chunk().vector())) / 2, within(1e-4f));
            assertThat(hit.chunk().vector()).containsExactly(vector(hit.chunk().documentId(), 0));
        });
        assertThat(hits).extracting(ChunkHit::score).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    @DisplayName("searchVector with an empty vector or k 0 returns nothing")
    void searchVectorEmptyQuery() {
        indexed(doc("doc1"), "text");

        assertThat(store.searchVector(Scope.allTags(TENANT), new float[0], null, null, 10)).isEmpty();
        assertThat(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 0)).isEmpty();
    }

    @Test
    @DisplayName("searchText finds chunks by stemmed keywords, BM25 scores best first, at most k")
    void searchTextStemmed() {
        indexed(doc("doc1"), "The cats were running through the garden");
        indexed(doc("doc2"), "Dogs bark loudly at night");
        indexed(doc("doc3"), "A cat runs. Another cat sleeps. Cats everywhere.");
        indexed(doc("doc4"), "Running shoes for sale");

        List<ChunkHit> hits = store.searchText(Scope.allTags(TENANT), "cat running", null, null, 10);

        assertThat(documentIds(hits)).containsExactlyInAnyOrder("doc1", "doc3", "doc4");
        assertThat(hits).extracting(ChunkHit::score).allSatisfy(score -> assertThat(score).isPositive())
                .isSortedAccordingTo(Collections.reverseOrder());
        assertThat(store.searchText(Scope.allTags(TENANT), "cat running", null, null, 2)).hasSize(2);
    }

    @Test
    @DisplayName("searchText scores with BM25, k1 1.2 and b 0.75")
    void searchTextBm25Parameters() {
        indexed(doc("doc1"), "apple banana");
        indexed(doc("doc2"), "apple cherry plum");
        indexed(doc("doc3"), "grape melon");

        List<ChunkHit> hits = store.searchText(Scope.allTags(TENANT), "apple", null, null, 10);

        // 3 chunks, 2 contain the term, average length 7/3 tokens
        double idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
        double avgLength = 7.0 / 3;
        Map<String, Float> scores = hits.stream().collect(Collectors.toMap(h -> h.chunk().documentId(),
                ChunkHit::score));
        assertThat(scores).containsOnlyKeys("doc1", "doc2");
        assertThat((double) scores.get("doc1")).isCloseTo(bm25(idf, 1, 2, avgLength), within(1e-4));
        assertThat((double) scores.get("doc2")).isCloseTo(bm25(idf, 1, 3, avgLength), within(1e-4));
    }

    @Test
    @DisplayName("a chunk's context is matched by searchText with its text, kept with the chunk, never its text")
    void chunkContextMatchedAndKept() {
        StoredDocument queued = doc("doc1").build();
        store.putDocument(queued);
        Chunk chunk = new Chunk("doc1-0", "doc1", 0, "we got another one named Bailey", vector("doc1", 0),
                "Caroline: how are your pets doing?");
        assertThat(store.completeDocument(doc("doc1").status(DocumentStatus.DONE).chunkCount(1).build(),
                List.of(chunk))).isTrue();
        indexed(doc("doc2"), "pets are not allowed in the building");

        List<ChunkHit> hits = store.searchText(Scope.allTags(TENANT), "pets Bailey", null, null, 10);

        assertThat(documentIds(hits)).containsExactly("doc1", "doc2");
        assertThat(hits.get(0).chunk().text()).isEqualTo("we got another one named Bailey");
        assertThat(hits.get(0).chunk().context()).isEqualTo("Caroline: how are your pets doing?");
        // rewriting the document's record (a metadata change) keeps the chunk's context
        store.putDocument(doc("doc1").status(DocumentStatus.DONE).chunkCount(1).metadata(Map.of("k", "v")).build());
        assertThat(store.getChunks(TENANT, "doc1")).singleElement()
                .satisfies(c -> assertThat(c.context()).isEqualTo("Caroline: how are your pets doing?"));
        store.close();
        store = reopenStore();
        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "Caroline", null, null, 10)))
                .containsExactly("doc1");
        assertThat(store.getChunks(TENANT, "doc1")).singleElement()
                .satisfies(c -> assertThat(c.context()).isEqualTo("Caroline: how are your pets doing?"));
    }

    @Test
    @DisplayName("chunk vectors that are not unit length are normalised (context kept), so scores stay (1 + cosine) / 2")
    void nonUnitVectorsAreNormalised() {
        store.putDocument(doc("doc1").build());
        float[] unit = vector("doc1", 0);
        float[] tripled = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            tripled[i] = unit[i] * 3;
        }
        assertThat(store.completeDocument(doc("doc1").status(DocumentStatus.DONE).chunkCount(1).build(),
                List.of(new Chunk("doc1-0", "doc1", 0, "text", tripled, "the context")))).isTrue();

        List<ChunkHit> hits = store.searchVector(Scope.allTags(TENANT), tripled, null, null, 1);

        Chunk stored = store.getChunks(TENANT, "doc1").get(0);
        assertThat(stored.vector()).containsExactly(unit, within(1e-6f));
        assertThat(stored.context()).isEqualTo("the context");
        assertThat(hits.get(0).score()).isCloseTo(1f, within(1e-4f));
    }

    @Test
    @DisplayName("searchText with an empty, blank or stop-words-only query returns nothing")
    void searchTextEmptyQuery() {
        indexed(doc("doc1"), "the text of the document");

        assertThat(store.searchText(Scope.allTags(TENANT), "", null, null, 10)).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), "   ", null, null, 10)).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), null, null, null, 10)).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), "the of", null, null, 10)).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), "document", null, null, 0)).isEmpty();
    }

    @Test
    @DisplayName("searchText does not choke on query syntax characters")
    void searchTextWithSyntaxCharacters() {
        indexed(doc("doc1"), "what is C++ (really)?");

        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "what: \"is\" C++ (really AND)? *", null,
                null, 10))).containsExactly("doc1");
    }

    @Test
    @DisplayName("a documentId restricts text and vector search to that document's chunks")
    void documentIdRestriction() {
        indexed(doc("doc1"), "alpha words", "more alpha");
        indexed(doc("doc2"), "alpha words too");

        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "alpha", null, "doc2", 10)))
                .containsExactly("doc2");
        assertThat(documentIds(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, "doc2", 10)))
                .containsExactly("doc2");
        assertThat(store.searchText(Scope.allTags(TENANT), "alpha", null, "ghost", 10)).isEmpty();
    }

    @Test
    @DisplayName("chunks stored with a document that is not done are kept but not searchable")
    void chunksOfNotDoneDocumentNotSearchable() {
        store.putDocument(doc("doc1").build());
        store.completeDocument(doc("doc1").status(DocumentStatus.FAILED).build(), chunks("doc1", "hidden text"));

        assertThat(store.getChunks(TENANT, "doc1")).hasSize(1);
        assertThat(store.searchText(Scope.allTags(TENANT), "hidden", null, null, 10)).isEmpty();
        assertThat(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("a done document moved to another status stops being searchable, and is again once done")
    void statusChangeTogglesSearchability() {
        indexed(doc("doc1"), "toggled text");

        store.updateStatus(TENANT, "doc1", 1, DocumentStatus.INDEXING, null);
        assertThat(store.searchText(Scope.allTags(TENANT), "toggled", null, null, 10)).isEmpty();
        assertThat(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)).isEmpty();
        assertThat(store.getChunks(TENANT, "doc1")).hasSize(1);

        store.updateStatus(TENANT, "doc1", 1, DocumentStatus.DONE, null);
        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "toggled", null, null, 10)))
                .containsExactly("doc1");
    }

    @Test
    @DisplayName("putDocument at a new version (re-queue) drops the old chunks")
    void requeueDropsChunks() {
        indexed(doc("doc1"), "old content", "more old content");
        StoredDocument current = store.getDocument(TENANT, "doc1").orElseThrow();

        store.putDocument(current.requeued("new content", "tag-a", null, "text", null, null, null, Map.of(), 2, T0));

        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), "content", null, null, 10)).isEmpty();
        assertThat(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)).isEmpty();
        assertThat(store.chunkCount()).isZero();
    }

    @Test
    @DisplayName("putDocument at the same version keeps the chunks and updates their metadata for filtering")
    void metadataOnlyPutUpdatesChunkFilters() {
        indexed(doc("doc1").metadata(Map.of("topic", "cooking")), "recipe for soup");
        List<Chunk> before = store.getChunks(TENANT, "doc1");
        MetadataFilter cooking = eq("topic", "cooking");
        MetadataFilter travel = eq("topic", "travel");
        StoredDocument current = store.getDocument(TENANT, "doc1").orElseThrow();

        store.putDocument(current.withLabels(current.containerTag(), current.customId(), Map.of("topic", "travel"),
                T0.plusSeconds(5)));

        assertThat(store.getChunks(TENANT, "doc1")).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(before);
        assertThat(store.searchText(Scope.allTags(TENANT), "soup", cooking, null, 10)).isEmpty();
        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "soup", travel, null, 10)))
                .containsExactly("doc1");
        assertThat(documentIds(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), travel, null, 10)))
                .containsExactly("doc1");
    }

    @Test
    @DisplayName("putDocument at the same version with another container tag moves the chunks to it")
    void containerTagChangeMovesChunks() {
        indexed(doc("doc1").tag("old-tag"), "movable text");
        StoredDocument current = store.getDocument(TENANT, "doc1").orElseThrow();
        StoredDocument moved = new StoredDocument(current.id(), current.tenant(), "new-tag", current.customId(),
                current.content(), current.title(), current.type(), current.url(), current.source(),
                current.fileName(), current.mimeType(), current.metadata(), current.status(), current.error(),
                current.version(), current.chunkCount(), current.createdAt(), current.updatedAt());

        store.putDocument(moved);

        assertThat(store.searchText(Scope.of(TENANT, "old-tag"), "movable", null, null, 10)).isEmpty();
        assertThat(store.searchText(Scope.of(TENANT, "new-tag"), "movable", null, null, 10))
                .extracting(ChunkHit::containerTag).containsExactly("new-tag");
    }

    // ---- metadata filters ---------------------------------------------------------------------------------------

    /** Documents whose metadata exercises every corner of the filter semantics. */
    private static Map<String, Map<String, Object>> filterFixture() {
        Map<String, Map<String, Object>> fixture = new LinkedHashMap<>();
        fixture.put("d1", Map.of("category", "Work", "priority", 5, "score", 2.5,
                "tags", List.of("alpha", "beta"), "active", true, "note", "Quarterly report draft"));
        fixture.put("d2", Map.of("category", "work", "priority", 10, "score", -1.0, "tags", List.of("beta"),
                "active", false, "note", "meeting notes"));
        fixture.put("d3", Map.of("category", "personal", "priority", "7", "tags", List.of("Gamma"),
                "note", "Grocery list"));
        fixture.put("d4", Map.of("priority", 5.0, "count", 3_000_000_000L, "tags", "alpha",
                "note", "x*y?z\\ with wildcards"));
        fixture.put("d5", Map.of());
        fixture.put("d6", Map.of("category", "WORK", "priority", "high", "weird", "NaN", "zero", -0.0,
                "inf", "Infinity", "tags", List.of()));
        fixture.put("d7", Map.of("city", "ıstanbul", "priority", " 12 ", "note", "Straße"));
        fixture.put("d8", Map.of("category", "", "priority", 5.5, "score", 0, "tags", List.of("beta", "Alpha")));
        return fixture;
    }

    private static List<MetadataFilter> filterCases() {
        return List.of(
                eq("category", "work"),
                eqIgnoreCase("category", "work"),
                not(eq("category", "work")),
                not(eqIgnoreCase("category", "work")),
                eq("category", ""),
                eq("priority", "5"),
                eq("priority", "5.0"),
                eq("priority", "high"),
                eq("active", "true"),
                eq("tags", "alpha"),
                not(eq("missing", "x")),
                eqIgnoreCase("city", "ISTANBUL"),
                condition("tags", "beta", FilterType.ARRAY_CONTAINS, null, false, false),
                condition("tags", "gamma", FilterType.ARRAY_CONTAINS, null, false, true),
                condition("tags", "alpha", FilterType.ARRAY_CONTAINS, null, true, true),
                contains("note", "report", false),
                contains("note", "REPORT", true),
                contains("note", "*", false),
                contains("note", "?", false),
                contains("note", "\\", false),
                contains("note", "STRASSE", true),
                contains("city", "ISTAN", true),
                contains("tags", "lph", false),
                contains("priority", "0", false),
                contains("category", "", false),
                not(contains("note", "notes", false)),
                numeric("priority", ">", "5"),
                numeric("priority", ">=", "5"),
                numeric("priority", "<", "7"),
                numeric("priority", "<=", "5"),
                numeric("priority", "=", "5"),
                numeric("priority", "!=", "5"),
                numeric("priority", "=", "12"),
                not(numeric("priority", ">", "5")),
                not(numeric("priority", "=", "5")),
                not(numeric("priority", "<", "7")),
                numeric("score", "<", "0"),
                numeric("score", ">=", "-0"),
                numeric("count", ">", "2999999999"),
                numeric("weird", "!=", "0"),
                numeric("weird", "=", "NaN"),
                numeric("priority", "!=", "NaN"),
                numeric("zero", ">=", "0"),
                numeric("zero", "<", "0"),
                numeric("zero", "=", "0"),
                numeric("inf", ">", "1e308"),
                numeric("inf", ">", "Infinity"),
                numeric("inf", ">=", "Infinity"),
                numeric("priority", "<", "-Infinity"),
                numeric("tags", "=", "1"),
                and(eqIgnoreCase("category", "work"), numeric("priority", ">", "5")),
                or(condition("tags", "gamma", FilterType.ARRAY_CONTAINS, null, false, true), eq("active", "true")),
                and(or(eq("category", "personal"), numeric("priority", ">=", "10")),
                        not(contains("note", "grocery", true))),
                or(and(eq("tags", "beta"), not(eq("active", "true"))), and(numeric("score", "<=", "0"),
                        not(numeric("score", "<", "0")))),
                and(),
                or());
    }

    @TestFactory
    @DisplayName("every metadata filter selects exactly the documents and chunks MetadataFilter.matches accepts")
    Stream<DynamicTest> metadataFiltersAgreeWithReferenceSemantics() {
        Map<String, Map<String, Object>> fixture = filterFixture();
        store.putDocuments(fixture.entrySet().stream()
                .map(e -> doc(e.getKey()).metadata(e.getValue()).build()).toList());
        fixture.forEach((id, metadata) -> store.completeDocument(
                doc(id).metadata(metadata).status(DocumentStatus.DONE).build(), chunks(id, "memo " + id)));
        Scope scope = Scope.allTags(TENANT);

        return filterCases().stream().map(filter -> dynamicTest(describe(filter), () -> {
            Set<String> expected = fixture.entrySet().stream().filter(e -> filter.matches(e.getValue()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Page<StoredDocument> listed = store.listDocuments(scope, filter, DocumentSort.NEWEST_FIRST, 0, 100);
            assertThat(ids(listed.items())).as("listDocuments").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(listed.total()).as("listDocuments total").isEqualTo(expected.size());
            assertThat(documentIds(store.searchText(scope, "memo", filter, null, 100))).as("searchText")
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(documentIds(store.searchVector(scope, vector("d1", 0), filter, null, 100)))
                    .as("searchVector").containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    @Test
    @DisplayName("string_contains values of the longest allowed length match, also runs of one character")
    void longestStringContainsValues() {
        int max = MetadataFilter.MAX_CONTAINS_CHARS;
        Map<String, Map<String, Object>> fixture = Map.of(
                "long", Map.of("note", "b" + "a".repeat(max + 20) + "b"),
                "short", Map.of("note", "a".repeat(max - 1)),
                "dotted", Map.of("note", "x" + "\u0130".repeat(max)));
        store.putDocuments(fixture.entrySet().stream().map(e -> doc(e.getKey()).metadata(e.getValue()).build())
                .toList());
        fixture.forEach((id, metadata) -> store.completeDocument(
                doc(id).metadata(metadata).status(DocumentStatus.DONE).build(), chunks(id, "memo " + id)));
        Scope scope = Scope.allTags(TENANT);

        for (MetadataFilter filter : List.of(contains("note", "a".repeat(max), false),
                contains("note", "A".repeat(max), true), not(contains("note", "a".repeat(max), false)),
                contains("note", "\u0130".repeat(max), true), contains("note", "ab".repeat(max / 2), false))) {
            Set<String> expected = fixture.entrySet().stream().filter(e -> filter.matches(e.getValue()))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(ids(store.listDocuments(scope, filter, DocumentSort.NEWEST_FIRST, 0, 10).items()))
                    .as(describe(filter)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(documentIds(store.searchText(scope, "memo", filter, null, 10))).as(describe(filter))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    // ---- deletion -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("deleteDocument removes the document, its chunks and its blob, and returns true")
    void deleteDocumentRemovesEverything() {
        indexed(doc("doc1"), "doomed text", "more doomed text");
        store.putBlob(TENANT, "doc1", bytes("upload"));

        assertThat(store.deleteDocument(TENANT, "doc1")).isTrue();

        assertThat(store.getDocument(TENANT, "doc1")).isEmpty();
        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
        assertThat(store.getBlob(TENANT, "doc1")).isEmpty();
        assertThat(store.searchText(Scope.allTags(TENANT), "doomed", null, null, 10)).isEmpty();
        assertThat(store.chunkCount()).isZero();
    }

    @Test
    @DisplayName("deleteDocument of an unknown document returns false")
    void deleteUnknownDocument() {
        assertThat(store.deleteDocument(TENANT, "ghost")).isFalse();
    }

    @Test
    @DisplayName("deleteByContainerTags deletes exactly the tenant's documents of those tags, and counts them")
    void deleteByContainerTags() {
        indexed(doc("doc1").tag("red"), "red text");
        indexed(doc("doc2").tag("red"), "red text");
        store.putDocument(doc("doc3").tag("blue").build());
        indexed(doc("doc4").tag("green"), "green text");
        indexed(doc(OTHER_TENANT, "doc5").tag("red"), "red text");
        store.putBlob(TENANT, "doc1", bytes("blob"));

        assertThat(store.deleteByContainerTags(TENANT, List.of("red", "blue", "purple"))).isEqualTo(3);

        assertThat(listedIds(Scope.allTags(TENANT))).containsExactly("doc4");
        assertThat(store.getBlob(TENANT, "doc1")).isEmpty();
        assertThat(store.getChunks(TENANT, "doc1")).isEmpty();
        assertThat(listedIds(Scope.allTags(OTHER_TENANT))).containsExactly("doc5");
        assertThat(store.chunkCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("countByContainerTag counts the tenant's documents per tag, any status, and follows deletes")
    void countByContainerTag() {
        indexed(doc("doc1").tag("red"), "red text");
        store.putDocument(doc("doc2").tag("red").build());
        indexed(doc("doc3").tag("blue"), "blue text");
        indexed(doc(OTHER_TENANT, "doc4").tag("green"), "green text");

        assertThat(store.countByContainerTag(TENANT)).containsExactlyInAnyOrderEntriesOf(
                Map.of("red", 2L, "blue", 1L));
        assertThat(store.countByContainerTag(OTHER_TENANT)).containsExactlyEntriesOf(Map.of("green", 1L));

        store.deleteDocument(TENANT, "doc3");
        assertThat(store.countByContainerTag(TENANT)).containsExactlyEntriesOf(Map.of("red", 2L));
        assertThat(store.countByContainerTag("nobody")).isEmpty();
    }

    @Test
    @DisplayName("deleteByContainerTags with no tags deletes nothing")
    void deleteByNoContainerTags() {
        store.putDocument(doc("doc1").build());

        assertThat(store.deleteByContainerTags(TENANT, List.of())).isZero();

        assertThat(store.getDocument(TENANT, "doc1")).isPresent();
    }

    // ---- listings -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} descending={1}")
    @CsvSource({
        "CREATED_AT, false, doc1 doc2 doc3 doc4",
        "CREATED_AT, true,  doc4 doc3 doc2 doc1",
        "UPDATED_AT, false, doc3 doc1 doc4 doc2",
        "UPDATED_AT, true,  doc2 doc4 doc1 doc3"})
    @DisplayName("listDocuments sorts by createdAt or updatedAt, either way")
    void listDocumentsSorted(DocumentSort.Field field, boolean descending, String expectedOrder) {
        store.putDocuments(List.of(
                doc("doc1").createdAt(T0.plusSeconds(1)).updatedAt(T0.plusSeconds(20)).build(),
                doc("doc2").createdAt(T0.plusSeconds(2)).updatedAt(T0.plusSeconds(40)).build(),
                doc("doc3").createdAt(T0.plusSeconds(3)).updatedAt(T0.plusSeconds(10)).build(),
                doc("doc4").createdAt(T0.plusSeconds(4)).updatedAt(T0.plusSeconds(30)).build()));

        Page<StoredDocument> page = store.listDocuments(Scope.allTags(TENANT), null,
                new DocumentSort(field, descending), 0, 10);

        assertThat(ids(page.items())).containsExactly(expectedOrder.split(" "));
    }

    @Test
    @DisplayName("listDocuments pages with offset and limit and reports the total")
    void listDocumentsPaged() {
        store.putDocuments(IntStream.rangeClosed(1, 5)
                .mapToObj(i -> doc("doc" + i).createdAt(T0.plusSeconds(i)).build()).toList());
        DocumentSort oldestFirst = new DocumentSort(DocumentSort.Field.CREATED_AT, false);
        Scope scope = Scope.allTags(TENANT);

        Page<StoredDocument> middle = store.listDocuments(scope, null, oldestFirst, 1, 2);
        Page<StoredDocument> last = store.listDocuments(scope, null, oldestFirst, 4, 10);
        Page<StoredDocument> beyond = store.listDocuments(scope, null, oldestFirst, 10, 10);
        Page<StoredDocument> none = store.listDocuments(scope, null, oldestFirst, 0, 0);

        assertThat(ids(middle.items())).containsExactly("doc2", "doc3");
        assertThat(ids(last.items())).containsExactly("doc5");
        assertThat(beyond.items()).isEmpty();
        assertThat(none.items()).isEmpty();
        assertThat(List.of(middle.total(), last.total(), beyond.total(), none.total())).containsOnly(5L);
    }

    @Test
    @DisplayName("listUnfinished returns the not-done, not-failed documents of every tenant")
    void listUnfinished() {
        store.putDocuments(List.of(doc("queued").build(), doc(OTHER_TENANT, "extracting").build(),
                doc("done").build(), doc("failed").build(), doc("embedding").build()));
        store.updateStatus(OTHER_TENANT, "extracting", 1, DocumentStatus.EXTRACTING, null);
        store.updateStatus(TENANT, "embedding", 1, DocumentStatus.EMBEDDING, null);
        store.updateStatus(TENANT, "failed", 1, DocumentStatus.FAILED, "x");
        store.completeDocument(doc("done").status(DocumentStatus.DONE).build(), chunks("done", "text"));

        assertThat(store.listUnfinished()).extracting(StoredDocument::tenant, StoredDocument::id)
                .containsExactlyInAnyOrder(tuple(TENANT, "queued"),
                        tuple(OTHER_TENANT, "extracting"),
                        tuple(TENANT, "embedding"));
    }

    // ---- blobs --------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("putBlob then getBlob returns the same bytes; a second put replaces them")
    void blobRoundTrip() {
        byte[] content = new byte[100_000];
        new Random(3).nextBytes(content);

        store.putBlob(TENANT, "doc1", content);
        assertThat(store.getBlob(TENANT, "doc1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));

        store.putBlob(TENANT, "doc1", bytes("replaced"));
        assertThat(store.getBlob(TENANT, "doc1")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("replaced")));
    }

    @Test
    @DisplayName("getBlob of an unknown document is empty")
    void getUnknownBlob() {
        assertThat(store.getBlob(TENANT, "ghost")).isEmpty();
    }

    // ---- durability and concurrency -----------------------------------------------------------------------------

    @Test
    @DisplayName("after closing and reopening, documents, statuses, chunks, search and blobs are all there")
    void everythingSurvivesReopen() {
        StoredDocument done = indexed(doc("doc1").customId("c1").metadata(Map.of("k", "v")), "durable words");
        StoredDocument queued = doc("doc2").build();
        store.putDocument(queued);
        store.putDocument(doc("doc3").build());
        store.updateStatus(TENANT, "doc3", 1, DocumentStatus.FAILED, "gave up");
        StoredDocument failed = store.getDocument(TENANT, "doc3").orElseThrow();
        store.putBlob(TENANT, "doc1", bytes("file"));
        List<Chunk> chunks = store.getChunks(TENANT, "doc1");

        store.close();
        store = reopenStore();

        assertThat(store.getDocument(TENANT, "doc1")).contains(done);
        assertThat(store.findByCustomId(TENANT, "c1")).contains(done);
        assertThat(store.getDocument(TENANT, "doc2")).contains(queued);
        assertThat(store.getDocument(TENANT, "doc3")).contains(failed);
        assertThat(store.getChunks(TENANT, "doc1")).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(chunks);
        assertThat(documentIds(store.searchText(Scope.allTags(TENANT), "durable", eq("k", "v"), null, 10)))
                .containsExactly("doc1");
        assertThat(documentIds(store.searchVector(Scope.allTags(TENANT), vector("doc1", 0), null, null, 10)))
                .containsExactly("doc1");
        assertThat(store.getBlob(TENANT, "doc1")).hasValue(bytes("file"));
        assertThat(store.listUnfinished()).extracting(StoredDocument::id).containsExactly("doc2");
        assertThat(store.chunkCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent writers, and deletes racing completions, leave exact counts and no orphan chunks")
    void concurrentWritesAreExact() throws Exception {
        int threads = 6;
        int perThread = 8;
        int races = 10;
        for (int r = 0; r < races; r++) {
            store.putDocument(doc("race" + r).build());
        }
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    String id = "w" + thread + "-" + i;
                    store.putDocument(doc(id).build());
                    store.updateStatus(TENANT, id, 1, DocumentStatus.EMBEDDING, null);
                    store.completeDocument(doc(id).status(DocumentStatus.DONE).build(),
                            chunks(id, textsFor(i % 3 + 1)));
                }
                return null;
            });
        }
        CountDownLatch start = new CountDownLatch(1);
        for (int r = 0; r < races; r++) {
            String id = "race" + r;
            work.add(() -> {
                start.await();
                store.completeDocument(doc(id).status(DocumentStatus.DONE).build(), chunks(id, "racing", "text"));
                return null;
            });
            work.add(() -> {
                start.await();
                store.deleteDocument(TENANT, id);
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> futures = work.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long expectedChunks = (long) threads * IntStream.range(0, perThread).map(i -> i % 3 + 1).sum();
        assertThat(store.chunkCount()).isEqualTo(expectedChunks);
        assertThat(store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 1).total())
                .isEqualTo((long) threads * perThread);
        assertThat(store.listUnfinished()).isEmpty();
        for (int r = 0; r < races; r++) {
            assertThat(store.getChunks(TENANT, "race" + r)).isEmpty();
        }
        assertThat(store.searchText(Scope.allTags(TENANT), "racing", null, null, 100)).isEmpty();
    }

    @Test
    @DisplayName("under concurrent writes and searches, every writer reads its own latest write, by id and by query")
    void readYourWritesUnderConcurrency() throws Exception {
        int writers = 4;
        for (int t = 0; t < writers; t++) {
            store.putDocument(doc("rw" + t).build());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            String id = "rw" + t;
            work.add(() -> {
                for (int i = 0; i < 100; i++) {
                    DocumentStatus status = i % 2 == 0 ? DocumentStatus.EXTRACTING : DocumentStatus.CHUNKING;
                    assertThat(store.updateStatus(TENANT, id, 1, status, null)).isTrue();
                    assertThat(store.getDocument(TENANT, id).orElseThrow().status()).isEqualTo(status);
                    if (i % 10 == 0) {
                        assertThat(store.listUnfinished()).filteredOn(d -> d.id().equals(id))
                                .extracting(StoredDocument::status).containsExactly(status);
                    }
                }
                return null;
            });
        }
        for (int r = 0; r < 2; r++) {
            work.add(() -> {
                while (writing.get()) {
                    store.searchText(Scope.allTags(TENANT), "anything", null, null, 5);
                    store.listDocuments(Scope.allTags(TENANT), null, DocumentSort.NEWEST_FIRST, 0, 5);
                }
                return null;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<Future<Void>> futures = work.stream().map(pool::submit).toList();
            for (Future<Void> writer : futures.subList(0, writers)) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<Void> reader : futures.subList(writers, futures.size())) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    // ---- coordination records (connector cursors, run reports, leases) -----------------------------------------

    @Test
    @DisplayName("state: an unknown key has no record; compare-and-set from version 0 creates it at version 1")
    void stateCreate() {
        assertThat(store.getState("connector:a:cursor")).isEmpty();

        assertThat(store.compareAndSetState("connector:a:cursor", "{\"token\":\"1\"}", 0))
                .contains(new StateRecord("connector:a:cursor", "{\"token\":\"1\"}", 1));
        assertThat(store.getState("connector:a:cursor"))
                .contains(new StateRecord("connector:a:cursor", "{\"token\":\"1\"}", 1));
    }

    @Test
    @DisplayName("state: compare-and-set succeeds only at the stored version and changes nothing otherwise")
    void stateCompareAndSet() {
        store.compareAndSetState("k", "v1", 0);

        assertThat(store.compareAndSetState("k", "lost", 0)).as("create over an existing record").isEmpty();
        assertThat(store.compareAndSetState("k", "lost", 2)).as("a version from the future").isEmpty();
        assertThat(store.getState("k")).contains(new StateRecord("k", "v1", 1));

        assertThat(store.compareAndSetState("k", "v2", 1)).contains(new StateRecord("k", "v2", 2));
        assertThat(store.compareAndSetState("k", "stale", 1)).as("the version just replaced").isEmpty();
        assertThat(store.getState("k")).contains(new StateRecord("k", "v2", 2));
        assertThat(store.compareAndSetState("other", "x", 5)).as("no record, version not 0").isEmpty();
        assertThat(store.getState("other")).isEmpty();
    }

    @Test
    @DisplayName("state: listing by prefix returns exactly the matching records, ordered by key")
    void stateListByPrefix() {
        for (String key : List.of("connector:b:run", "connector:a:run", "connector:a:cursor", "connectors",
                "connector;x", "lease:a", "connector:")) {
            store.compareAndSetState(key, "value of " + key, 0);
        }

        assertThat(store.listState("connector:")).extracting(StateRecord::key)
                .containsExactly("connector:", "connector:a:cursor", "connector:a:run", "connector:b:run");
        assertThat(store.listState("connector:a:")).extracting(StateRecord::value)
                .containsExactly("value of connector:a:cursor", "value of connector:a:run");
        assertThat(store.listState("nothing")).isEmpty();
        assertThat(store.listState("")).hasSize(7);
    }

    @Test
    @DisplayName("state: delete removes a record and reports whether it existed; the key can be created again")
    void stateDelete() {
        store.compareAndSetState("k", "v1", 0);
        store.compareAndSetState("k", "v2", 1);

        assertThat(store.deleteState("k")).isTrue();
        assertThat(store.deleteState("k")).isFalse();
        assertThat(store.deleteState("never")).isFalse();
        assertThat(store.getState("k")).isEmpty();
        assertThat(store.listState("k")).isEmpty();
        assertThat(store.compareAndSetState("k", "again", 0)).contains(new StateRecord("k", "again", 1));
    }

    @Test
    @DisplayName("state: records are neither documents nor chunks of any tenant")
    void stateIsNotADocument() {
        store.compareAndSetState("connector:a:cursor", "tenant-a tag-a words", 0);

        assertThat(store.listDocuments(Scope.allTags(TENANT), null, null, 0, 10).total()).isZero();
        assertThat(store.listUnfinished()).isEmpty();
        assertThat(store.chunkCount()).isZero();
        assertThat(store.searchText(Scope.allTags(TENANT), "words", null, null, 10)).isEmpty();
        assertThat(store.getDocument(TENANT, "connector:a:cursor")).isEmpty();
    }

    @Test
    @DisplayName("state: records, versions and deletions survive closing and reopening")
    void stateSurvivesReopen() {
        store.compareAndSetState("connector:a:cursor", "c1", 0);
        store.compareAndSetState("connector:a:cursor", "c2", 1);
        store.compareAndSetState("connector:a:lease", "owner", 0);
        store.deleteState("connector:a:lease");
        store.compareAndSetState("connector:b:run", "{\"status\":\"done\"}", 0);

        store.close();
        store = reopenStore();

        assertThat(store.listState("connector:")).containsExactly(
                new StateRecord("connector:a:cursor", "c2", 2),
                new StateRecord("connector:b:run", "{\"status\":\"done\"}", 1));
        assertThat(store.compareAndSetState("connector:a:cursor", "c3", 2)).isPresent();
    }

    @Test
    @DisplayName("state: concurrent compare-and-set loops never lose an update and never share a version")
    void stateConcurrentCompareAndSet() throws Exception {
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> won = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        while (true) {
                            StateRecord current = store.getState("counter").orElse(null);
                            long version = current == null ? 0 : current.version();
                            long count = current == null ? 0 : Long.parseLong(current.value());
                            var next = store.compareAndSetState("counter", Long.toString(count + 1), version);
                            if (next.isPresent()) {
                                won.add(next.get().version());
                                break;
                            }
                        }
                    }
                    return won;
                }));
            }
            start.countDown();
            List<Long> versions = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                versions.addAll(r.get(60, TimeUnit.SECONDS));
            }
            assertThat(versions).doesNotHaveDuplicates().hasSize(threads * perThread);
            assertThat(store.getState("counter")).contains(
                    new StateRecord("counter", Integer.toString(threads * perThread), threads * perThread));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** Stores the document queued, then completes it as done with one chunk per text. */
    private StoredDocument indexed(DocBuilder builder, String... texts) {
        StoredDocument queued = builder.build();
        store.putDocument(queued);
        StoredDocument done = builder.status(DocumentStatus.DONE).chunkCount(texts.length).build();
        assertThat(store.completeDocument(done, chunks(queued.id(), texts))).isTrue();
        return done;
    }

    /** A seeded random unit vector, the same for the same chunk everywhere in the suite. */
    protected static float[] vector(String documentId, int position) {
        Random random = new Random(Chunk.idFor(documentId, position).hashCode());
        float[] v = new float[DIMENSION];
        double squares = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            squares += v[i] * v[i];
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < DIMENSION; i++) {
            v[i] /= norm;
        }
        return v;
    }

    private static Chunk chunk(String documentId, int position, String text) {
        return new Chunk(Chunk.idFor(documentId, position), documentId, position, text, vector(documentId, position));
    }

    private static List<Chunk> chunks(String documentId, String... texts) {
        return IntStream.range(0, texts.length).mapToObj(i -> chunk(documentId, i, texts[i])).toList();
    }

    private static String[] textsFor(int count) {
        return IntStream.range(0, count).mapToObj(i -> "chunk text " + i).toArray(String[]::new);
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Lucene's BM25 (which drops the constant (k1 + 1) factor): idf * tf / (tf + k1 * (1 - b + b * dl / avgdl)). */
    private static double bm25(double idf, int tf, int length, double avgLength) {
        return idf * tf / (tf + 1.2 * (1 - 0.75 + 0.75 * length / avgLength));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> listedIds(Scope scope) {
        return ids(store.listDocuments(scope, null, DocumentSort.NEWEST_FIRST, 0, 100).items());
    }

    private static List<String> ids(List<StoredDocument> documents) {
        return documents.stream().map(StoredDocument::id).toList();
    }

    private static List<String> documentIds(List<ChunkHit> hits) {
        return hits.stream().map(hit -> hit.chunk().documentId()).toList();
    }

    private static Condition condition(String key, String value, FilterType type, NumericOperator op,
                                       boolean negate, boolean ignoreCase) {
        return new Condition(key, value, type, op, negate, ignoreCase);
    }

    private static Condition eq(String key, String value) {
        return condition(key, value, FilterType.METADATA, null, false, false);
    }

    private static Condition eqIgnoreCase(String key, String value) {
        return condition(key, value, FilterType.METADATA, null, false, true);
    }

    private static Condition contains(String key, String value, boolean ignoreCase) {
        return condition(key, value, FilterType.STRING_CONTAINS, null, false, ignoreCase);
    }

    /** Any operator, "!=" included: the API never accepts it, but negating "=" produces it. */
    private static Condition numeric(String key, String operator, String value) {
        NumericOperator op = Arrays.stream(NumericOperator.values()).filter(o -> o.symbol().equals(operator))
                .findFirst().orElseThrow();
        return condition(key, value, FilterType.NUMERIC, op, false, false);
    }

    private static Condition not(Condition c) {
        return condition(c.key(), c.value(), c.type(), c.operator(), !c.negate(), c.ignoreCase());
    }

    private static And and(MetadataFilter... children) {
        return new And(Arrays.asList(children));
    }

    private static Or or(MetadataFilter... children) {
        return new Or(Arrays.asList(children));
    }

    private static String describe(MetadataFilter filter) {
        if (filter instanceof And and) {
            return and.children().stream().map(MemoryStoreContractTest::describe)
                    .collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (filter instanceof Or or) {
            return or.children().stream().map(MemoryStoreContractTest::describe)
                    .collect(Collectors.joining(" OR ", "(", ")"));
        }
        Condition c = (Condition) filter;
        String op = switch (c.type()) {
            case METADATA -> "=";
            case ARRAY_CONTAINS -> "has";
            case STRING_CONTAINS -> "contains";
            case NUMERIC -> c.operator().symbol() + " (number)";
        };
        return (c.negate() ? "NOT " : "") + c.key() + " " + op + " '" + c.value() + "'"
                + (c.ignoreCase() ? " ignoring case" : "");
    }

    private static DocBuilder doc(String id) {
        return new DocBuilder(TENANT, id);
    }

    private static DocBuilder doc(String tenant, String id) {
        return new DocBuilder(tenant, id);
    }

    /** A queued text document at version 1 in container tag "tag-a", unless told otherwise. */
    private static final class DocBuilder {
        private final String tenant;
        private final String id;
        private String containerTag = "tag-a";
        private String customId;
        private String content = "content";
        private Map<String, Object> metadata = Map.of();
        private DocumentStatus status = DocumentStatus.QUEUED;
        private long version = 1;
        private int chunkCount;
        private Instant createdAt = T0;
        private Instant updatedAt = T0;

        DocBuilder(String tenant, String id) {
            this.tenant = tenant;
            this.id = id;
        }

        DocBuilder tag(String value) {
            containerTag = value;
            return this;
        }

        DocBuilder customId(String value) {
            customId = value;
            return this;
        }

        DocBuilder content(String value) {
            content = value;
            return this;
        }

        DocBuilder metadata(Map<String, Object> value) {
            metadata = value;
            return this;
        }

        DocBuilder status(DocumentStatus value) {
            status = value;
            return this;
        }

        DocBuilder version(long value) {
            version = value;
            return this;
        }

        DocBuilder chunkCount(int value) {
            chunkCount = value;
            return this;
        }

        DocBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        DocBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        StoredDocument build() {
            return new StoredDocument(id, tenant, containerTag, customId, content, null, "text", null, "api", null,
                    null, metadata, status, null, version, chunkCount, createdAt, updatedAt);
        }
    }
}
