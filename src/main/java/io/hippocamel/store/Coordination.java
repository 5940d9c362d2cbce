package io.hippocamel.store;

import io.hippocamel.core.StateRecord;
import java.util.List;
import java.util.Optional;

/**
 * Small compare-and-set records shared by every server on one store: connector cursors and run reports, leases.
 * {@link Leases} builds claims with expiry on top of it.
 */
public interface Coordination {

    /** A coordination record shared by every server on this store (connector cursors, run reports, leases). */
    Optional<StateRecord> getState(String key);

    /**
     * Stores {@code value} under {@code key} if the stored record's version is {@code expectedVersion} (0: no record
     * yet) and returns the new record (version + 1); empty, changing nothing, when another writer got there first.
     * Durable.
     */
    Optional<StateRecord> compareAndSetState(String key, String value, long expectedVersion);

    /** Records whose key starts with {@code prefix}, ordered by key. */
    List<StateRecord> listState(String prefix);

    /** Removes a record; returns whether it existed. Durable. */
    boolean deleteState(String key);
}
