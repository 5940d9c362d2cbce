package io.hippocamel.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hippocamel.search.SearchProperties;
import io.hippocamel.core.ConflictException;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.FilterType;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.OnnxEmbedder;
import io.hippocamel.memory.ForgetResult.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link MemoryFactStore} contract, run by every backend: a subclass says how to make a fresh, empty store and
 * how to open the same data again. Memory vectors come from the real in-process embedding model, so searches rank
 * as they will in production; the store clock is a test clock, so expiry is exercised without waiting.
 */
public abstract class MemoryFactStoreContractTest {

    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";
    private static final String TAG = "user_alex";
    private static final String OTHER_TAG = "user_sam";
    private static final Instant T0 = Instant.parse("2026-01-05T09:30:00.123456789Z");

    private static OnnxEmbedder embedder;
    private static final Map<String, float[]> VECTORS = new ConcurrentHashMap<>();

    protected final TestClock clock = new TestClock(T0);
    protected MemoryFactStore store;

    /** A new, empty store whose vectors have {@code dimension} floats and whose "now" is {@code clock}'s. */
    protected abstract MemoryFactStore createStore(Clock clock, int dimension);

    /** A new store over the data of the last store {@link #createStore} made, which the test has closed. */
    protected abstract MemoryFactStore reopenStore(Clock clock, int dimension);

    @BeforeAll
    static void loadModel() {
        embedder = new OnnxEmbedder(1);
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @BeforeEach
    void openStore() {
        store = createStore(clock, embedder.dimension());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // ---- round trips --------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a memory comes back with every field as it was put, its vector included")
    void roundTripEveryField() {
        Map<String, Object> temporal = new LinkedHashMap<>();
        temporal.put("documentDate", "2026-01-04");
        temporal.put("eventDate", List.of("2025-03-01", "2025-03-02"));
        temporal.put("note", null);
        Memory memory = fact("m1", TAG, "Alex moved to Berlin in March")
                .isStatic(true)
                .forgetAfter(T0.plus(Duration.ofDays(30)))
                .forgetReason("temporary relocation")
                .metadata(Map.of("source", "chat", "count", 3, "score", 2.5, "pinned", true,
                        "topics", List.of("home", "travel")))
                .temporalContext(temporal)
                .relations(List.of(new MemoryRelation(MemoryRelation.Type.EXTENDS, "m0"),
                        new MemoryRelation(MemoryRelation.Type.DERIVES, "m9")))
                .sources(List.of(new MemorySource("doc1", 3, null), new MemorySource("conv1", null, 7)))
                .updatedAt(T0.plusSeconds(5))
                .build();

        store.put(memory);

        Memory got = store.get(Scope.of(TENANT, TAG), "m1").orElseThrow();
        assertThat(got).usingRecursiveComparison().isEqualTo(memory);
        assertThat(got.vector()).containsExactly(memory.vector());
    }

    @Test
    @DisplayName("a minimal memory comes back with its nulls and empty lists")
    void roundTripMinimal() {
        Memory memory = fact("m1", TAG, "Alex likes tea").build();

        store.put(memory);

        Memory got = store.get(Scope.allTags(TENANT), "m1").orElseThrow();
        assertThat(got).usingRecursiveComparison().isEqualTo(memory);
        assertThat(got.version()).isEqualTo(1);
        assertThat(got.rootMemoryId()).isEqualTo("m1");
        assertThat(got.parentMemoryId()).isNull();
        assertThat(got.isLatest()).isTrue();
        assertThat(got.isForgotten()).isFalse();
        assertThat(got.forgetAfter()).isNull();
        assertThat(got.temporalContext()).isNull();
        assertThat(got.relations()).isEmpty();
        assertThat(got.sources()).isEmpty();
    }

    @Test
    @DisplayName("put replaces a memory by id; getAll returns found ids in the order asked")
    void putReplacesAndGetAll() {
        store.put(fact("m1", TAG, "Alex likes tea").build());
        store.put(fact("m2", TAG, "Alex plays chess").build());
        store.put(fact("m1", TAG, "Alex likes green tea").build());

        assertThat(store.get(Scope.allTags(TENANT), "m1").orElseThrow().content()).isEqualTo("Alex likes green tea");
        assertThat(store.getAll(Scope.allTags(TENANT), List.of("m2", "unknown", "m1")))
                .extracting(Memory::id).containsExactly("m2", "m1");
        assertThat(store.get(Scope.allTags(TENANT), "unknown")).isEmpty();
        assertThat(store.memoryCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a memory without a vector, or with one of the wrong length, is refused")
    void vectorsAreChecked() {
        Memory noVector = fact("m1", TAG, "Alex likes tea").vector(null).build();
        Memory shortVector = fact("m2", TAG, "Alex likes tea").vector(new float[] {1, 0}).build();

        assertThatThrownBy(() -> store.put(noVector)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(shortVector)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.memoryCount()).isZero();
    }

    @Test
    @DisplayName("a vector that is not unit length is stored normalised")
    void vectorsAreNormalised() {
        float[] unit = embed("Alex likes tea");
        float[] doubled = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            doubled[i] = 2 * unit[i];
        }
        store.put(fact("m1", TAG, "Alex likes tea").vector(doubled).build());

        float[] stored = store.get(Scope.allTags(TENANT), "m1").orElseThrow().vector();
        assertThat(dot(stored, stored)).isCloseTo(1.0, within(1e-4));
        assertThat(store.searchVector(MemorySelection.latest(Scope.allTags(TENANT)), unit, 1).get(0).score())
                .isCloseTo(1f, within(1e-4f));
    }

    // ---- tenancy and tags ---------------------------------------------------------------------------------------

    @Test
    @DisplayName("another tenant never sees, finds, counts, forgets or deletes anything of this tenant")
    void tenantsAreIsolated() {
        store.put(fact("m1", TAG, "Alex moved to Berlin").sources(List.of(MemorySource.of("doc1"))).build());
        Scope other = Scope.allTags(OTHER_TENANT);
        MemorySelection otherSelection = MemorySelection.latest(other).withForgotten(true).withHistory(true);

        assertThat(store.get(other, "m1")).isEmpty();
        assertThat(store.getAll(other, List.of("m1"))).isEmpty();
        assertThat(store.findByContent(OTHER_TENANT, TAG, "Alex moved to Berlin")).isEmpty();
        assertThat(store.versions(other, "m1")).isEmpty();
        assertThat(store.list(otherSelection, null, 0, 10).total()).isZero();
        assertThat(store.countByTag(other)).isEmpty();
        assertThat(store.searchText(otherSelection, "Berlin", 10)).isEmpty();
        assertThat(store.searchVector(otherSelection, embed("Alex moved to Berlin"), 10)).isEmpty();
        assertThat(store.forget(other, "m1", "no").outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(store.removeDocumentSource(OTHER_TENANT, "doc1")).isEqualTo(new SourceRemoval(0, 0));
        assertThat(store.deleteByContainerTag(OTHER_TENANT, TAG)).isZero();

        Memory mine = store.get(Scope.allTags(TENANT), "m1").orElseThrow();
        assertThat(mine.isForgotten()).isFalse();
        assertThat(mine.sources()).containsExactly(MemorySource.of("doc1"));
    }

    @Test
    @DisplayName("the same id in two tenants names two memories")
    void sameIdInTwoTenants() {
        store.put(fact("m1", TAG, "Alex likes tea").build());
        store.put(fact("m1", TAG, "Sam likes coffee").tenant(OTHER_TENANT).build());

        store.forget(Scope.allTags(OTHER_TENANT), "m1", null);

        assertThat(store.get(Scope.allTags(TENANT), "m1").orElseThrow())
                .returns("Alex likes tea", Memory::content).returns(false, Memory::isForgotten);
        assertThat(store.get(Scope.allTags(OTHER_TENANT), "m1").orElseThrow())
                .returns("Sam likes coffee", Memory::content).returns(true, Memory::isForgotten);
    }

    @Test
    @DisplayName("a scope naming other tags sees nothing of this tag; naming it or none sees it")
    void tagsScopeEveryRead() {
        store.put(fact("m1", TAG, "Alex moved to Berlin").build());
        store.put(fact("m2", OTHER_TAG, "Sam moved to Lisbon").build());
        Scope otherTag = Scope.of(TENANT, "user_nobody");

        assertThat(store.get(otherTag, "m1")).isEmpty();
        assertThat(store.getAll(otherTag, List.of("m1", "m2"))).isEmpty();
        assertThat(store.versions(otherTag, "m1")).isEmpty();
        assertThat(store.findByContent(TENANT, OTHER_TAG, "Alex moved to Berlin")).isEmpty();
        assertThat(store.list(MemorySelection.latest(otherTag), null, 0, 10).items()).isEmpty();
        assertThat(store.searchText(MemorySelection.latest(otherTag), "moved", 10)).isEmpty();
        assertThat(store.searchVector(MemorySelection.latest(otherTag), embed("moved"), 10)).isEmpty();
        assertThat(store.forget(otherTag, "m1", null).outcome()).isEqualTo(Outcome.NOT_FOUND);

        assertThat(store.get(Scope.of(TENANT, TAG), "m1")).isPresent();
        assertThat(ids(store.list(MemorySelection.latest(Scope.of(TENANT, TAG)), null, 0, 10)))
                .containsExactly("m1");
        assertThat(ids(store.list(MemorySelection.latest(new Scope(TENANT, List.of(TAG, OTHER_TAG))), null, 0, 10)))
                .containsExactlyInAnyOrder("m1", "m2");
        assertThat(store.searchText(MemorySelection.latest(Scope.of(TENANT, OTHER_TAG)), "moved", 10))
                .extracting(h -> h.memory().id()).containsExactly("m2");
    }

    // ---- versions -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a new version makes its parent no longer the latest; the chain lists every version in order")
    void versionChain() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        clock.advance(Duration.ofMinutes(1));
        Memory v2 = next(v1, "m2", "Alex works at Stripe");
        store.put(v2);
        clock.advance(Duration.ofMinutes(1));
        Memory v3 = next(v2, "m3", "Alex works at Stripe as a staff engineer");
        store.put(v3);

        Scope scope = Scope.of(TENANT, TAG);
        assertThat(store.get(scope, "m1").orElseThrow().isLatest()).isFalse();
        assertThat(store.get(scope, "m2").orElseThrow().isLatest()).isFalse();
        assertThat(store.get(scope, "m3").orElseThrow())
                .returns(true, Memory::isLatest).returns(3, Memory::version)
                .returns("m2", Memory::parentMemoryId).returns("m1", Memory::rootMemoryId);
        assertThat(store.versions(scope, "m1")).extracting(Memory::id, Memory::version, Memory::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", 1, false),
                        org.assertj.core.groups.Tuple.tuple("m2", 2, false),
                        org.assertj.core.groups.Tuple.tuple("m3", 3, true));
        assertThat(ids(store.list(MemorySelection.latest(scope), null, 0, 10))).containsExactly("m3");
        assertThat(ids(store.list(MemorySelection.latest(scope).withHistory(true), null, 0, 10)))
                .containsExactlyInAnyOrder("m1", "m2", "m3");
        assertThat(store.countByTag(scope)).containsExactly(Map.entry(TAG, 1L));
    }

    @Test
    @DisplayName("a version of a superseded parent is a conflict, of an unknown one not found; nothing is written")
    void staleOrMissingParentRefused() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        store.put(next(v1, "m2", "Alex works at Stripe"));

        assertThatThrownBy(() -> store.put(next(v1, "m2b", "Alex works at Meta")))
                .isInstanceOf(ConflictException.class);
        Memory orphan = fact("m5", TAG, "Alex works at Apple").version(2).parentMemoryId("gone").rootMemoryId("gone")
                .build();
        assertThatThrownBy(() -> store.put(orphan)).isInstanceOf(NotFoundException.class);
        Memory skipping = next(v1, "m6", "Alex works at IBM").toBuilder().version(5).build();
        assertThatThrownBy(() -> store.put(skipping)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.getAll(Scope.allTags(TENANT), List.of("m2b", "m5", "m6"))).isEmpty();
        assertThat(store.versions(Scope.allTags(TENANT), "m1")).extracting(Memory::id).containsExactly("m1", "m2");
    }

    @Test
    @DisplayName("re-putting a stored version is a plain replace, not a conflict")
    void rePutOfVersionReplaces() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        Memory v2 = next(v1, "m2", "Alex works at Stripe");
        store.put(v2);

        store.put(v2.toBuilder().metadata(Map.of("checked", true)).build());

        assertThat(store.get(Scope.allTags(TENANT), "m2").orElseThrow().metadata()).containsEntry("checked", true);
        assertThat(store.versions(Scope.allTags(TENANT), "m1")).filteredOn(Memory::isLatest)
                .extracting(Memory::id).containsExactly("m2");
    }

    @Test
    @DisplayName("concurrent updates of one fact leave exactly one latest version; the others are conflicts")
    void concurrentUpdatesLeaveOneLatest() throws Exception {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        int writers = 6;
        List<Memory> candidates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            candidates.add(next(v1, "m2-" + i, "Alex works at company " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Memory candidate : candidates) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    try {
                        store.put(candidate);
                        return true;
                    } catch (ConflictException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        List<Memory> chain = store.versions(Scope.allTags(TENANT), "m1");
        assertThat(chain).hasSize(2);
        assertThat(chain).filteredOn(Memory::isLatest).hasSize(1);
        assertThat(chain.get(0).isLatest()).isFalse();
    }

    // ---- batches ------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("a batch stores every memory, the last of a repeated id winning, and may hold a chain in any order")
    void batchStoresAll() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        Memory v2 = next(v1, "m2", "Alex works at Stripe");

        store.putAll(List.of(v1, fact("m3", TAG, "Alex likes tea").build(), v2,
                fact("m3", TAG, "Alex likes green tea").build()));

        Scope scope = Scope.allTags(TENANT);
        assertThat(store.get(scope, "m1").orElseThrow().isLatest()).isFalse();
        assertThat(store.get(scope, "m2").orElseThrow().isLatest()).isTrue();
        assertThat(store.get(scope, "m3").orElseThrow().content()).isEqualTo("Alex likes green tea");
        assertThat(store.memoryCount()).isEqualTo(3);

        Memory v3 = next(v2, "m4", "Alex works at Stripe in Dublin");
        store.putAll(List.of(next(v3, "m5", "Alex works at Stripe in Dublin, remotely"), v3)); // child first
        assertThat(store.versions(scope, "m1")).extracting(Memory::id, Memory::isLatest).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m1", false), org.assertj.core.groups.Tuple.tuple("m2", false),
                org.assertj.core.groups.Tuple.tuple("m4", false), org.assertj.core.groups.Tuple.tuple("m5", true));
    }

    @Test
    @DisplayName("a batch with one refused memory writes none of them")
    void batchIsAllOrNothing() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        store.put(next(v1, "m2", "Alex works at Stripe"));

        assertThatThrownBy(() -> store.putAll(List.of(fact("m3", TAG, "Alex likes tea").build(),
                next(v1, "m4", "Alex works at Meta")))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.putAll(List.of(fact("m5", TAG, "Alex likes tea").build(),
                fact("m6", TAG, "Alex likes coffee").vector(new float[3]).build())))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.getAll(Scope.allTags(TENANT), List.of("m3", "m4", "m5", "m6"))).isEmpty();
        assertThat(store.get(Scope.allTags(TENANT), "m2").orElseThrow().isLatest()).isTrue();
    }

    // ---- forgetting and expiry ----------------------------------------------------------------------------------

    @Test
    @DisplayName("forget soft-deletes with a reason; forgetting again says already forgotten; unknown is not found")
    void forget() {
        store.put(fact("m1", TAG, "Alex moved to Berlin").build());
        store.put(fact("m2", TAG, "Alex likes tea").build());
        clock.advance(Duration.ofMinutes(3));

        ForgetResult first = store.forget(Scope.of(TENANT, TAG), "m1", "user asked");

        assertThat(first.outcome()).isEqualTo(Outcome.FORGOTTEN);
        assertThat(first.memory()).returns(true, Memory::isForgotten).returns("user asked", Memory::forgetReason);
        Memory stored = store.get(Scope.allTags(TENANT), "m1").orElseThrow();
        assertThat(stored).returns(true, Memory::isForgotten).returns("user asked", Memory::forgetReason)
                .returns(clock.instant(), Memory::updatedAt);
        assertThat(store.forget(Scope.of(TENANT, TAG), "m1", "again").outcome()).isEqualTo(Outcome.ALREADY_FORGOTTEN);
        assertThat(store.get(Scope.allTags(TENANT), "m1").orElseThrow().forgetReason()).isEqualTo("user asked");
        assertThat(store.forget(Scope.of(TENANT, TAG), "nope", null)).isEqualTo(
                new ForgetResult(Outcome.NOT_FOUND, null));
    }

    @Test
    @DisplayName("forgotten memories are left out of listings, searches and counts unless asked for")
    void forgottenLeftOut() {
        store.put(fact("m1", TAG, "Alex moved to Berlin").build());
        store.put(fact("m2", TAG, "Alex likes tea").build());
        store.forget(Scope.allTags(TENANT), "m1", null);
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));

        assertThat(ids(store.list(latest, null, 0, 10))).containsExactly("m2");
        assertThat(store.searchText(latest, "Berlin", 10)).isEmpty();
        assertThat(store.searchVector(latest, embed("Alex moved to Berlin"), 10))
                .extracting(h -> h.memory().id()).containsExactly("m2");
        assertThat(store.countByTag(Scope.allTags(TENANT))).containsExactly(Map.entry(TAG, 1L));

        MemorySelection withForgotten = latest.withForgotten(true);
        assertThat(ids(store.list(withForgotten, null, 0, 10))).containsExactlyInAnyOrder("m1", "m2");
        assertThat(store.searchText(withForgotten, "Berlin", 10)).extracting(h -> h.memory().id())
                .containsExactly("m1");
    }

    @Test
    @DisplayName("a memory whose forgetAfter has passed reads as forgotten and is left out like one")
    void expiry() {
        store.put(fact("m1", TAG, "Alex is in Rome this week").forgetAfter(T0.plus(Duration.ofHours(1)))
                .forgetReason("trip ends").build());
        store.put(fact("m2", TAG, "Alex lives in Berlin").build());
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));
        assertThat(ids(store.list(latest, null, 0, 10))).containsExactlyInAnyOrder("m1", "m2");
        assertThat(store.searchText(latest, "Rome", 10)).hasSize(1);

        clock.advance(Duration.ofHours(1)); // forgetAfter is now: expired

        assertThat(store.get(Scope.allTags(TENANT), "m1").orElseThrow())
                .returns(true, Memory::isForgotten).returns("trip ends", Memory::forgetReason);
        assertThat(ids(store.list(latest, null, 0, 10))).containsExactly("m2");
        assertThat(store.searchText(latest, "Rome", 10)).isEmpty();
        assertThat(store.searchVector(latest, embed("Alex is in Rome this week"), 10))
                .extracting(h -> h.memory().id()).containsExactly("m2");
        assertThat(store.countByTag(Scope.allTags(TENANT))).containsExactly(Map.entry(TAG, 1L));
        assertThat(store.list(latest.withForgotten(true), null, 0, 10).items())
                .filteredOn(m -> m.id().equals("m1")).singleElement()
                .returns(true, Memory::isForgotten);
        assertThat(store.forget(Scope.allTags(TENANT), "m1", null).outcome()).isEqualTo(Outcome.ALREADY_FORGOTTEN);
    }

    // ---- lookups by content -------------------------------------------------------------------------------------

    @Test
    @DisplayName("findByContent matches the exact content in the tag, preferring the latest remembered memory")
    void findByContent() {
        store.put(fact("old", TAG, "Alex likes tea").build());
        store.forget(Scope.allTags(TENANT), "old", null);
        clock.advance(Duration.ofMinutes(1));
        store.put(fact("new", TAG, "Alex likes tea").build());
        store.put(fact("other", OTHER_TAG, "Alex likes coffee").build());

        assertThat(store.findByContent(TENANT, TAG, "Alex likes tea")).map(Memory::id).contains("new");
        assertThat(store.findByContent(TENANT, TAG, "alex likes tea")).isEmpty();
        assertThat(store.findByContent(TENANT, TAG, "Alex likes")).isEmpty();
        assertThat(store.findByContent(TENANT, TAG, "Alex likes coffee")).isEmpty();

        store.forget(Scope.allTags(TENANT), "new", null);
        assertThat(store.findByContent(TENANT, TAG, "Alex likes tea")).map(Memory::id).contains("new");
    }

    // ---- provenance ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("removing a deleted document forgets what only it supported and detaches it from the rest")
    void removeDocumentSource() {
        store.put(fact("only", TAG, "Alex moved to Berlin").sources(List.of(new MemorySource("doc1", 0, null)))
                .build());
        store.put(fact("both", TAG, "Alex likes tea").sources(List.of(new MemorySource("doc1", 1, null),
                new MemorySource("doc2", null, 4))).build());
        store.put(fact("elsewhere", TAG, "Alex plays chess").sources(List.of(MemorySource.of("doc2"))).build());
        store.put(fact("direct", TAG, "Alex has a cat").build());
        store.put(fact("only", TAG, "Sam moved to Lisbon").tenant(OTHER_TENANT)
                .sources(List.of(MemorySource.of("doc1"))).build());

        SourceRemoval removal = store.removeDocumentSource(TENANT, "doc1");

        assertThat(removal).isEqualTo(new SourceRemoval(1, 1));
        Scope scope = Scope.allTags(TENANT);
        assertThat(store.get(scope, "only").orElseThrow())
                .returns(true, Memory::isForgotten)
                .returns(List.of(new MemorySource("doc1", 0, null)), Memory::sources);
        assertThat(store.get(scope, "both").orElseThrow())
                .returns(false, Memory::isForgotten)
                .returns(List.of(new MemorySource("doc2", null, 4)), Memory::sources);
        assertThat(store.get(scope, "elsewhere").orElseThrow().sources()).containsExactly(MemorySource.of("doc2"));
        assertThat(store.get(Scope.allTags(OTHER_TENANT), "only").orElseThrow().isForgotten()).isFalse();
        assertThat(ids(store.list(MemorySelection.latest(scope), null, 0, 10)))
                .containsExactlyInAnyOrder("both", "elsewhere", "direct");
        assertThat(store.removeDocumentSource(TENANT, "doc1")).isEqualTo(new SourceRemoval(1, 0));
    }

    // ---- tags ---------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("deleting a tag deletes every memory of it, versions and forgotten ones too, and nothing else")
    void deleteByContainerTag() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        store.put(next(v1, "m2", "Alex works at Stripe"));
        store.put(fact("m3", TAG, "Alex likes tea").build());
        store.forget(Scope.allTags(TENANT), "m3", null);
        store.put(fact("m4", OTHER_TAG, "Sam likes coffee").build());
        store.put(fact("m5", TAG, "Bo likes juice").tenant(OTHER_TENANT).build());

        assertThat(store.deleteByContainerTag(TENANT, TAG)).isEqualTo(3);

        MemorySelection everything = MemorySelection.latest(Scope.allTags(TENANT)).withHistory(true)
                .withForgotten(true);
        assertThat(ids(store.list(everything, null, 0, 10))).containsExactly("m4");
        assertThat(store.get(Scope.allTags(OTHER_TENANT), "m5")).isPresent();
        assertThat(store.searchText(everything, "Alex", 10)).isEmpty();
        assertThat(store.deleteByContainerTag(TENANT, TAG)).isZero();
    }

    @Test
    @DisplayName("counts per tag cover latest, remembered, unexpired memories of the scope's tags")
    void countByTag() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").build();
        store.put(v1);
        store.put(next(v1, "m2", "Alex works at Stripe"));
        store.put(fact("m3", TAG, "Alex likes tea").build());
        store.put(fact("m4", TAG, "Alex forgot this").build());
        store.forget(Scope.allTags(TENANT), "m4", null);
        store.put(fact("m5", TAG, "Alex is away").forgetAfter(T0.minusSeconds(1)).build());
        store.put(fact("m6", OTHER_TAG, "Sam likes coffee").build());
        store.put(fact("m7", "user_empty", "Gone soon").build());
        store.forget(Scope.allTags(TENANT), "m7", null);

        assertThat(store.countByTag(Scope.allTags(TENANT))).containsOnly(Map.entry(TAG, 2L), Map.entry(OTHER_TAG, 1L));
        assertThat(store.countByTag(Scope.of(TENANT, OTHER_TAG))).containsOnly(Map.entry(OTHER_TAG, 1L));
    }

    // ---- listings -----------------------------------------------------------------------------------------------

    @Test
    @DisplayName("listings page in the requested order and filter by kind and metadata")
    void listPagesSortsAndFilters() {
        for (int i = 1; i <= 5; i++) {
            store.put(fact("m" + i, TAG, "Fact number " + i).isStatic(i % 2 == 0)
                    .metadata(Map.of("n", i, "kind", i <= 2 ? "early" : "late"))
                    .createdAt(T0.plusSeconds(i)).updatedAt(T0.plusSeconds(10 - i)).build());
        }
        MemorySelection all = MemorySelection.latest(Scope.of(TENANT, TAG));

        Page<Memory> page = store.list(all, null, 1, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(ids(page)).containsExactly("m4", "m3");
        assertThat(ids(store.list(all, new DocumentSort(DocumentSort.Field.CREATED_AT, false), 0, 10)))
                .containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(ids(store.list(all, new DocumentSort(DocumentSort.Field.UPDATED_AT, true), 0, 2)))
                .containsExactly("m1", "m2");
        assertThat(ids(store.list(all.withStatic(true), null, 0, 10))).containsExactly("m4", "m2");
        assertThat(ids(store.list(all.withStatic(false), null, 0, 10))).containsExactly("m5", "m3", "m1");
        MetadataFilter late = new Condition("kind", "late", FilterType.METADATA, NumericOperator.EQ, false, false);
        MetadataFilter big = new Condition("n", "4", FilterType.NUMERIC, NumericOperator.GTE, false, false);
        assertThat(ids(store.list(all.withFilter(late), null, 0, 10))).containsExactly("m5", "m4", "m3");
        assertThat(ids(store.list(all.withFilter(new MetadataFilter.And(List.of(late, big))), null, 0, 10)))
                .containsExactly("m5", "m4");
        assertThat(store.list(all, null, 10, 5)).returns(5L, Page::total).extracting(Page::items)
                .asList().isEmpty();
    }

    // ---- search -------------------------------------------------------------------------------------------------

    @Test
    @DisplayName("searchVector scores (1 + cosine) / 2 in [0,1], best first, at most k")
    void searchVectorScores() {
        putFacts();
        float[] query = embed("Where does Alex live?");

        List<MemoryHit> hits = store.searchVector(MemorySelection.latest(Scope.of(TENANT, TAG)), query, 3);

        assertThat(hits).hasSize(3);
        assertThat(hits).allSatisfy(hit -> {
            assertThat(hit.score()).isBetween(0f, 1f);
            assertThat((double) hit.score()).isCloseTo((1 + dot(query, hit.memory().vector())) / 2, within(1e-4));
        });
        assertThat(hits).extracting(MemoryHit::score).isSortedAccordingTo(Collections.reverseOrder());
        assertThat(hits.get(0).memory().id()).isEqualTo("berlin");
        assertThat(store.searchVector(MemorySelection.latest(Scope.of(TENANT, TAG)), new float[0], 3)).isEmpty();
        assertThat(store.searchVector(MemorySelection.latest(Scope.of(TENANT, TAG)), query, 0)).isEmpty();
    }

    @Test
    @DisplayName("searchText finds memories by stemmed keywords with BM25, best first, at most k")
    void searchTextStemmed() {
        putFacts();
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));

        List<MemoryHit> hits = store.searchText(latest, "running marathons", 10);

        assertThat(hits).extracting(h -> h.memory().id()).containsExactly("marathon", "runner");
        assertThat(hits).extracting(MemoryHit::score).allSatisfy(s -> assertThat(s).isPositive())
                .isSortedAccordingTo(Collections.reverseOrder());
        assertThat(store.searchText(latest, "running marathons", 1)).hasSize(1);
        assertThat(store.searchText(latest, "   ", 10)).isEmpty();
        assertThat(store.searchText(latest, "the and of", 10)).isEmpty();
        assertThat(store.searchText(latest, "what did \"Alex\" (do) with* [Berlin]?", 10))
                .extracting(h -> h.memory().id()).first().isEqualTo("berlin");
    }

    @Test
    @DisplayName("searches leave out old versions and filter by kind and metadata unless asked otherwise")
    void searchSelection() {
        Memory v1 = fact("v1", TAG, "Alex works at Google in Zurich").isStatic(true).build();
        store.put(v1);
        store.put(next(v1, "v2", "Alex works at Stripe in Dublin"));
        store.put(fact("hobby", TAG, "Alex works on pottery at weekends").metadata(Map.of("kind", "hobby")).build());
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));

        assertThat(store.searchText(latest, "works", 10)).extracting(h -> h.memory().id())
                .containsExactlyInAnyOrder("v2", "hobby");
        assertThat(store.searchText(latest.withHistory(true), "works", 10)).extracting(h -> h.memory().id())
                .containsExactlyInAnyOrder("v1", "v2", "hobby");
        assertThat(store.searchText(latest.withStatic(true), "works", 10)).extracting(h -> h.memory().id())
                .containsExactly("v2");
        MetadataFilter hobby = new Condition("kind", "hobby", FilterType.METADATA, NumericOperator.EQ, false, false);
        assertThat(store.searchVector(latest.withFilter(hobby), embed("Alex works"), 10))
                .extracting(h -> h.memory().id()).containsExactly("hobby");
    }

    @Test
    @DisplayName("a memory is found by the very next search after its put returns")
    void immediatelySearchable() {
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));
        String[] facts = {"Alex adopted a greyhound", "Alex bought a sailboat", "Alex learned the cello"};
        for (int i = 0; i < facts.length; i++) {
            store.put(fact("m" + i, TAG, facts[i]).build());
            String id = "m" + i;
            assertThat(store.searchText(latest, facts[i], 10)).extracting(h -> h.memory().id()).contains(id);
            assertThat(store.searchVector(latest, embed(facts[i]), 1)).extracting(h -> h.memory().id())
                    .containsExactly(id);
            assertThat(store.countByTag(Scope.of(TENANT, TAG))).containsEntry(TAG, (long) i + 1);
        }
        store.forget(Scope.allTags(TENANT), "m0", null);
        assertThat(store.searchText(latest, facts[0], 10)).extracting(h -> h.memory().id()).doesNotContain("m0");
    }

    @Test
    @DisplayName("hybrid memory search keeps similarities in [0,1] above the threshold, at most limit, best first")
    void hybridSearchThresholdAndLimit() {
        putFacts();
        MemorySearch search = new MemorySearch(store, embedder, new SearchProperties());
        MemorySelection latest = MemorySelection.latest(Scope.of(TENANT, TAG));
        float[] query = embed("Which city does Alex live in?");

        List<ScoredMemory> all = search.search(MemoryQuery.hybrid(latest, "Which city does Alex live in?", 10, 0));
        assertThat(all).isNotEmpty().allSatisfy(m -> {
            assertThat(m.similarity()).isBetween(0.0, 1.0);
            assertThat(m.similarity()).isCloseTo((1 + dot(query, m.memory().vector())) / 2, within(1e-4));
        });
        assertThat(all.get(0).memory().id()).isEqualTo("berlin");
        assertThat(all).extracting(ScoredMemory::rank).isSortedAccordingTo(Collections.reverseOrder());

        double threshold = all.get(1).similarity();
        List<ScoredMemory> above = search.search(MemoryQuery.hybrid(latest, "Which city does Alex live in?", 10,
                threshold));
        assertThat(above).isNotEmpty().allSatisfy(m -> assertThat(m.similarity()).isGreaterThanOrEqualTo(threshold));
        assertThat(above.size()).isLessThan(all.size());
        assertThat(search.search(MemoryQuery.hybrid(latest, "Which city does Alex live in?", 1, 0))).hasSize(1);
        assertThat(search.search(MemoryQuery.hybrid(latest, "Alex zorblax", 10, 0)).get(0).memory().id())
                .isEqualTo("codeword");
        assertThat(search.search(MemoryQuery.hybrid(latest, "  ", 10, 0))).isEmpty();
    }

    // ---- durability ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("after a restart every memory, version, forgetting and deletion is still there")
    void survivesRestart() {
        Memory v1 = fact("m1", TAG, "Alex works at Google").sources(List.of(MemorySource.of("doc1"))).build();
        store.put(v1);
        store.put(next(v1, "m2", "Alex works at Stripe"));
        store.putAll(List.of(fact("m3", TAG, "Alex likes tea").build(), fact("m4", OTHER_TAG, "Sam likes coffee")
                .build(), fact("m5", "user_gone", "Gone").build()));
        store.forget(Scope.allTags(TENANT), "m3", "no longer true");
        store.deleteByContainerTag(TENANT, "user_gone");
        Memory before = store.get(Scope.allTags(TENANT), "m1").orElseThrow();
        store.close();

        store = reopenStore(clock, embedder.dimension());

        Scope scope = Scope.allTags(TENANT);
        assertThat(store.get(scope, "m1").orElseThrow()).usingRecursiveComparison().isEqualTo(before);
        assertThat(store.get(scope, "m2").orElseThrow().isLatest()).isTrue();
        assertThat(store.get(scope, "m3").orElseThrow())
                .returns(true, Memory::isForgotten).returns("no longer true", Memory::forgetReason);
        assertThat(store.get(scope, "m5")).isEmpty();
        assertThat(store.countByTag(scope)).containsOnly(Map.entry(TAG, 1L), Map.entry(OTHER_TAG, 1L));
        assertThat(store.searchVector(MemorySelection.latest(Scope.of(TENANT, TAG)), embed("Alex works at Stripe"), 1))
                .extracting(h -> h.memory().id()).containsExactly("m2");
        assertThat(store.searchText(MemorySelection.latest(scope), "coffee", 10)).extracting(h -> h.memory().id())
                .containsExactly("m4");
        assertThat(store.memoryCount()).isEqualTo(4);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** A few facts about Alex with one clear answer to "where does Alex live" and one odd code word. */
    private void putFacts() {
        store.putAll(List.of(
                fact("berlin", TAG, "Alex lives in Berlin, in a flat in Kreuzberg").build(),
                fact("runner", TAG, "Alex goes running every morning").build(),
                fact("marathon", TAG, "Alex ran two marathons last year, running each in under four hours").build(),
                fact("food", TAG, "Alex's favourite food is ramen").build(),
                fact("job", TAG, "Alex works as a nurse at a hospital").build(),
                fact("codeword", TAG, "Alex's gym locker code word is zorblax").build()));
    }

    /** Version 1 of a fact of this tenant, created now, embedded by the real model. */
    protected Memory.Builder fact(String id, String tag, String content) {
        return Memory.create(id, TENANT, tag, content, clock.instant()).vector(embed(content));
    }

    /** The next version of {@code parent}, created now. */
    protected Memory next(Memory parent, String id, String content) {
        return parent.nextVersion(id, content, embed(content), clock.instant()).build();
    }

    /** The vector length of the model the suite embeds with. */
    protected static int dimension() {
        return embedder.dimension();
    }

    protected static float[] embed(String text) {
        return VECTORS.computeIfAbsent(text, embedder::embed).clone();
    }

    private static List<String> ids(Page<Memory> page) {
        return page.items().stream().map(Memory::id).toList();
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A clock the test moves by hand. */
    protected static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
