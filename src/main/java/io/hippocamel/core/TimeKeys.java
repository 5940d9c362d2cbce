package io.hippocamel.core;

import java.time.Instant;

/** The sortable number every store indexes for a time, so documents and memories order alike on every backend. */
public final class TimeKeys {

    private TimeKeys() {
    }

    /** Nanoseconds since the epoch, saturated: the full precision of an Instant wherever a long can hold it. */
    public static long nanos(Instant at) {
        if (at == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException e) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
