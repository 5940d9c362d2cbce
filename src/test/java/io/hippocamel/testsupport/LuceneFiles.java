package io.hippocamel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;

/** Crash tests of the Lucene stores, without killing a process. */
public final class LuceneFiles {

    private LuceneFiles() {
    }

    /**
     * What a kill -9 leaves behind while the store is open: the files as they are on disk, without Lucene's write
     * lock (which dies with the process). Whatever was not committed is not in any commit point of the copy.
     */
    public static void copyAsIfKilled(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
