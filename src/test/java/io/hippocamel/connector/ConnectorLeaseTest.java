package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hippocamel.store.Leases;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync lease on a real store, as two servers sharing it see it: one holder at a time, handed over only when
 * released or expired, and a holder that lost it finds out when it renews.
 */
class ConnectorLeaseTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final Duration LEASE = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private MemoryStore store;
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private ConnectorState serverA;
    private ConnectorState serverB;

    @BeforeEach
    void open() {
        store = new LuceneMemoryStore(dir, 4);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        serverA = new ConnectorState(store, JSON, clock, LEASE);
        serverB = new ConnectorState(store, JSON, clock, LEASE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("one holder at a time; released, the lease goes to the next taker")
    void exclusive() {
        Optional<Leases.Lease> a = serverA.tryLease("wiki");
        assertThat(a).isPresent();
        assertThat(serverB.tryLease("wiki")).isEmpty();
        assertThat(serverA.tryLease("wiki")).as("also a second run on the same server").isEmpty();
        assertThat(serverB.tryLease("other")).as("other connectors are free").isPresent();

        serverA.release(a.get());

        assertThat(serverB.tryLease("wiki")).isPresent();
    }

    @Test
    @DisplayName("an expired lease (its server died) is taken over; the old holder fails when it renews")
    void expiry() {
        Leases.Lease a = serverA.tryLease("wiki").orElseThrow();
        now = now.plus(LEASE).plusSeconds(1);

        Leases.Lease b = serverB.tryLease("wiki").orElseThrow();

        assertThatThrownBy(() -> serverA.renew(a)).isInstanceOf(SourceException.class)
                .hasMessageContaining("lost the sync lease");
        serverA.release(a); // too late: changes nothing
        assertThat(serverA.tryLease("wiki")).isEmpty();
        now = now.plus(LEASE.dividedBy(2)).plusSeconds(1);
        Leases.Lease renewed = serverB.renew(b);
        assertThat(renewed.expiresAt()).isAfter(b.expiresAt());
    }

    @Test
    @DisplayName("cursor and last run are shared through the store and survive reopening it")
    void cursorAndRunSurviveReopen() {
        serverA.saveCursor("wiki", "{\"since\":\"x\"}");
        serverA.saveRun("wiki", new SyncRun("completed", 1, 2, 3, 4, 0, 0, null, null, now, now));
        store.close();
        store = new LuceneMemoryStore(dir, 4);
        ConnectorState reopened = new ConnectorState(store, JSON, Clock.systemUTC(), LEASE);

        assertThat(reopened.cursor("wiki")).contains("{\"since\":\"x\"}");
        assertThat(reopened.lastRun("wiki")).hasValueSatisfying(run -> {
            assertThat(run.added()).isEqualTo(1);
            assertThat(run.deleted()).isEqualTo(3);
        });
    }
}
