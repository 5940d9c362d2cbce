package io.hippocamel.core;

import java.security.SecureRandom;

/** Generates the 22-character base62 ids Supermemory uses for documents. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * A tenant-qualified key of an id, unique across tenants: the tenant's length goes first, so that no (tenant, id)
     * pair can spell another pair's key whatever characters they contain.
     */
    public static String ownerKey(String tenant, String id) {
        return tenant.length() + ":" + tenant + id;
    }

    public static String newId() {
        char[] id = new char[22];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
