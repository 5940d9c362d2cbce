package io.hippocamel.tenancy;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepted API keys and the tenant each one stands for. The tenant id is a hash of the key, so keys never reach
 * the store. With no key configured, one is generated on first start, kept in {@code <data-dir>/api-key} and printed
 * once.
 */
public class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    static final String KEY_FILE = "api-key";

    /** key → tenant id. */
    private final Map<String, String> tenants = new LinkedHashMap<>();

    public ApiKeys(List<String> configured, Path dataDir) {
        List<String> keys = configured.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).toList();
        if (keys.isEmpty()) {
            keys = List.of(generatedKey(dataDir));
        }
        keys.forEach(k -> tenants.put(k, tenantOf(k)));
    }

    /** The tenant of a presented key, compared in constant time per key. */
    public Optional<String> tenantFor(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] p = presented.strip().getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, String> e : tenants.entrySet()) {
            if (MessageDigest.isEqual(p, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The tenant of the first configured key (or of the generated one): the owner of what the server writes on its
     * own, such as connector documents.
     */
    public String defaultTenant() {
        return tenants.values().iterator().next();
    }

    public static String tenantOf(String key) {
        return "t" + DigestUtils.sha256Hex(key).substring(0, 24); // 12 bytes: ids stay short, keys never stored
    }

    private static String generatedKey(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file).strip();
                LOG.info("Using the API key stored in {}", file.toAbsolutePath());
                return key;
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "sm_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            // printed once, on the start that creates it; later starts only say where it is
            System.out.println("\n  Hippocamel API key (generated, stored in " + file.toAbsolutePath() + "):\n\n    "
                    + key + "\n\n  Use it as: Authorization: Bearer " + key + "\n");
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the API key file " + file, e);
        }
    }
}
