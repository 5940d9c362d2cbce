package io.hippocamel.store.lucene;

import org.apache.commons.codec.digest.DigestUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;

/**
 * Uploaded files on disk, one file per document: {@code <root>/<sha-256 of tenant>/<documentId>}. Tenants can be any
 * string, so their folder name is a hash; document ids must look like generated ids ({@code [A-Za-z0-9_-]}), so no
 * name can leave the root. Writes go to a temporary file that is fsynced and atomically renamed, so a crash leaves
 * either the old content or the new, never half a file; the folder is fsynced too, so the rename itself survives
 * ({@link IOUtils#fsync} knows which platforms cannot do that).
 */
final class BlobFiles {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");
    /** Starts with a dot, which no valid id does, so a temporary file is never read as a blob. */
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    BlobFiles(Path root) throws IOException {
        this.root = Files.createDirectories(root);
        removeLeftoverTempFiles();
    }

    void put(String tenant, String documentId, byte[] content) {
        if (!isSafe(documentId)) {
            throw new IllegalArgumentException("document id must match " + SAFE_ID + ": " + documentId);
        }
        Path target = path(tenant, documentId);
        Path folder = target.getParent();
        Path temp = folder.resolve(TEMP_PREFIX + documentId + "-" + UUID.randomUUID());
        try {
            boolean newFolder = Files.notExists(folder);
            Files.createDirectories(folder);
            if (newFolder) {
                IOUtils.fsync(root, true);
            }
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            move(temp, target);
            IOUtils.fsync(folder, true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot store blob of " + documentId, e);
        }
    }

    Optional<byte[]> get(String tenant, String documentId) {
        if (!isSafe(documentId)) {
            return Optional.empty(); // never stored: put refuses such ids
        }
        try {
            return Optional.of(Files.readAllBytes(path(tenant, documentId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob of " + documentId, e);
        }
    }

    void delete(String tenant, String documentId) {
        if (!isSafe(documentId)) {
            return;
        }
        Path file = path(tenant, documentId);
        try {
            if (Files.deleteIfExists(file)) {
                IOUtils.fsync(file.getParent(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob of " + documentId, e);
        }
    }

    private Path path(String tenant, String documentId) {
        return root.resolve(tenantFolder(tenant)).resolve(documentId);
    }

    private static boolean isSafe(String documentId) {
        return documentId != null && SAFE_ID.matcher(documentId).matches();
    }

    static String tenantFolder(String tenant) {
        return DigestUtils.sha256Hex(tenant);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Temporary files of writes a crash interrupted: their blobs were never stored. */
    private void removeLeftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().startsWith(TEMP_PREFIX)).forEach(BlobFiles::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed at the next start
        }
    }
}
