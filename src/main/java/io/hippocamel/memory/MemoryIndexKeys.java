package io.hippocamel.memory;

import io.hippocamel.core.Ids;
import org.apache.commons.codec.digest.DigestUtils;
import java.time.Instant;

/** The derived keys both memory stores index, computed the same way so both match and order alike. */
public final class MemoryIndexKeys {

    private MemoryIndexKeys() {
    }

    /**
     * The index key of a memory: tenant-qualified id. The tenant's length goes first so that no (tenant, id) pair
     * can spell another pair's key, whatever characters they contain.
     */
    public static String owner(String tenant, String id) {
        return Ids.ownerKey(tenant, id);
    }

    /** SHA-256 of the content, hex: exact-content lookups match on it (content can exceed an index term). */
    public static String contentHash(String content) {
        return DigestUtils.sha256Hex(content);
    }

    /** Nanoseconds since the epoch, saturated: the full precision of an Instant wherever a long can hold it. */
    public static long timeKey(Instant at) {
        if (at == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        } catch (ArithmeticException e) {
            return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The key of {@code forgetAfter}: never expiring sorts last. */
    public static long expiryKey(Instant forgetAfter) {
        return forgetAfter == null ? Long.MAX_VALUE : timeKey(forgetAfter);
    }
}
