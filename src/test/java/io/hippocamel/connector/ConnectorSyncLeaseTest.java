package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.IngestQueue;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync run and its lease, on a real store and document service (the ingest queue is a bare SEDA queue: what
 * happens after a document is queued does not matter here). Time is a test clock that each download advances.
 */
class ConnectorSyncLeaseTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Duration LEASE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private MemoryStore store;
    private CamelContext camel;
    private ConnectorState state;
    private ConnectorSync sync;
    private final ConnectorConfig config = new ConnectorConfig("slow", "slow", "0 0 * * * ?", "tag", 100, true,
            Map.of(), Path.of("slow.yaml"));

    /** A source of three items whose downloads take four minutes each: a run longer than half a lease. */
    private final SourceType slowSource = new SourceType() {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public java.util.Set<String> requiredSettings() {
            return java.util.Set.of();
        }

        @Override
        public java.util.Set<String> optionalSettings() {
            return java.util.Set.of();
        }

        @Override
        public SourceClient open(ConnectorConfig c) {
            return new SourceClient() {
                @Override
                public Listing changes(String cursor, java.util.Set<String> synced) {
                    List<SourceItem> items = List.of("a", "b", "c").stream()
                            .map(id -> new SourceItem(id, id, null, null, null, "v1", null)).toList();
                    return new Listing(items, List.of(), true, "cursor-1");
                }

                @Override
                public SourceContent content(SourceItem item) {
                    now = now.plus(Duration.ofMinutes(4));
                    return new SourceContent(("text of " + item.sourceId()).getBytes(StandardCharsets.UTF_8),
                            item.sourceId() + ".txt", "text/plain");
                }
            };
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        store = new LuceneMemoryStore(dir, 4);
        camel = new DefaultCamelContext();
        camel.start();
        DocumentService documents = new DocumentService(store, new IngestQueue(camel.createProducerTemplate()),
                clock, new DocumentEvents());
        state = new ConnectorState(store, JSON, clock, LEASE);
        sync = new ConnectorSync(documents, state, Map.of("slow", slowSource), () -> "tenant", clock, 1 << 20);
    }

    @AfterEach
    void tearDown() throws Exception {
        camel.close();
        store.close();
    }

    @Test
    @DisplayName("a run longer than half its lease renews it, and releases the renewed lease at the end")
    void renewsAndReleases() {
        Optional<SyncRun> run = sync.run(config);

        assertThat(run).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(SyncRun.COMPLETED);
            assertThat(r.added()).isEqualTo(3);
        });
        assertThat(state.cursor("slow")).contains("cursor-1");
        assertThat(state.tryLease("slow")).as("released, so the next run may start at once").isPresent();
    }

    @Test
    @DisplayName("a run that finds the lease held elsewhere is skipped and changes nothing")
    void skippedWhileLeased() {
        ConnectorState otherServer = new ConnectorState(store, JSON, clock, LEASE);
        assertThat(otherServer.tryLease("slow")).isPresent();

        assertThat(sync.run(config)).isEmpty();
        assertThat(state.cursor("slow")).isEmpty();
        assertThat(state.lastRun("slow")).isEmpty();
    }
}
