package io.hippocamel.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.StateRecord;
import io.hippocamel.store.Coordination;
import io.hippocamel.store.Leases;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A connector's coordination records in the store, shared by every server on it: {@code connector:<id>:cursor} (the
 * source's cursor, saved only after a batch is durable), {@code connector:<id>:run} (the last run's report) and
 * {@code connector:<id>:lease} (who is syncing it now, and until when). The lease is what keeps two syncs of one
 * connector from running at once, also across servers: it is taken and renewed by compare-and-set, and a server that
 * dies mid-run leaves a lease that simply expires.
 */
public class ConnectorState {

    private final Coordination store;
    private final Leases leases;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration leaseDuration;

    public ConnectorState(Coordination store, ObjectMapper json, Clock clock, Duration leaseDuration) {
        this.store = store;
        this.leases = new Leases(store, clock);
        this.json = json;
        this.clock = clock;
        this.leaseDuration = leaseDuration;
    }

    static String cursorKey(String id) {
        return "connector:" + id + ":cursor";
    }

    static String runKey(String id) {
        return "connector:" + id + ":run";
    }

    static String leaseKey(String id) {
        return "connector:" + id + ":lease";
    }

    public Optional<String> cursor(String id) {
        return store.getState(cursorKey(id)).map(StateRecord::value);
    }

    /** Saves the cursor (last writer wins: only the lease holder writes it). */
    public void saveCursor(String id, String cursor) {
        put(cursorKey(id), cursor);
    }

    public Optional<SyncRun> lastRun(String id) {
        return store.getState(runKey(id)).map(r -> read(r.value(), SyncRun.class));
    }

    public void saveRun(String id, SyncRun run) {
        put(runKey(id), write(run));
    }

    /** Takes the connector's lease when nobody holds an unexpired one; empty when someone does. */
    public Optional<Leases.Lease> tryLease(String id) {
        return leases.tryAcquire(leaseKey(id), UUID.randomUUID().toString(), leaseDuration);
    }

    /** Extends a lease when half of it is used up; throws when another server took it over meanwhile. */
    public Leases.Lease renew(Leases.Lease lease) {
        if (Duration.between(clock.instant(), lease.expiresAt()).compareTo(leaseDuration.dividedBy(2)) > 0) {
            return lease;
        }
        return leases.renew(lease, leaseDuration).orElseThrow(() -> new SourceException(SourceException.Code.INTERNAL,
                "lost the sync lease to another server (the run took longer than the lease)"));
    }

    /** Gives the lease back, unless another server already took it over. */
    public void release(Leases.Lease lease) {
        leases.release(lease);
    }

    private void put(String key, String value) {
        for (int attempt = 0; attempt < 10; attempt++) {
            long version = store.getState(key).map(StateRecord::version).orElse(0L);
            if (store.compareAndSetState(key, value, version).isPresent()) {
                return;
            }
        }
        throw new IllegalStateException("cannot write " + key + ": it keeps changing");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable connector state", e);
        }
    }
}
