package io.hippocamel.store;

import io.hippocamel.core.StateRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Claims with an expiry over {@link Coordination} records, for work that one server at a time may do (a document in
 * the pipeline, a connector's sync run), also across servers sharing one store. Every change is a compare-and-set on
 * the record's version: a server never overwrites or gives back a lease another server has just taken, and a lease
 * whose holder died simply expires.
 *
 * <p>The record's value is {@code <owner>\n<expiry epoch millis>}; an unreadable value counts as expired.
 */
public final class Leases {

    /** A held lease: renew it before {@code expiresAt}, release it when done. */
    public record Lease(String key, String owner, long version, Instant expiresAt) {
    }

    private final Coordination store;
    private final Clock clock;

    public Leases(Coordination store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Takes the lease for {@code ttl} when nobody holds a live one; empty when somebody does or won the race. */
    public Optional<Lease> tryAcquire(String key, String owner, Duration ttl) {
        Optional<StateRecord> current = store.getState(key);
        if (current.isPresent() && isLive(current.get())) {
            return Optional.empty();
        }
        Instant expiresAt = clock.instant().plus(ttl);
        return store.compareAndSetState(key, value(owner, expiresAt), current.map(StateRecord::version).orElse(0L))
                .map(r -> new Lease(key, owner, r.version(), expiresAt));
    }

    /** Extends a held lease by {@code ttl} from now; empty when it was lost (expired and taken by someone else). */
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Instant expiresAt = clock.instant().plus(ttl);
        return store.compareAndSetState(lease.key(), value(lease.owner(), expiresAt), lease.version())
                .map(r -> new Lease(lease.key(), lease.owner(), r.version(), expiresAt));
    }

    /** Gives a held lease back (it expires at once); a lease another server took over meanwhile is left alone. */
    public boolean release(Lease lease) {
        return store.compareAndSetState(lease.key(), value(lease.owner(), Instant.EPOCH), lease.version())
                .isPresent();
    }

    /** Whether somebody holds a live lease under this key. */
    public boolean isHeld(String key) {
        return store.getState(key).filter(this::isLive).isPresent();
    }

    /** Deletes expired (or released) leases under a key prefix; returns how many. */
    public int purgeExpired(String prefix) {
        int purged = 0;
        List<StateRecord> records = store.listState(prefix);
        for (StateRecord lease : records) {
            if (!isLive(lease) && store.deleteState(lease.key())) {
                purged++;
            }
        }
        return purged;
    }

    private boolean isLive(StateRecord lease) {
        return clock.instant().isBefore(expiry(lease.value()));
    }

    private static String value(String owner, Instant expiresAt) {
        return owner + "\n" + expiresAt.toEpochMilli();
    }

    private static Instant expiry(String value) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.substring(value.indexOf('\n') + 1)));
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }
}
