package io.hippocamel.memory;

import io.hippocamel.core.Ids;
import io.hippocamel.core.TimeKeys;
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

    /** Nanoseconds since the epoch, saturated (as the document stores index times). */
    public static long timeKey(Instant at) {
        return TimeKeys.nanos(at);
    }

    /** The key of {@code forgetAfter}: never expiring sorts last. */
    public static long expiryKey(Instant forgetAfter) {
        return forgetAfter == null ? Long.MAX_VALUE : timeKey(forgetAfter);
    }
}
