package io.hippocamel.connector.filesystem;

import io.hippocamel.connector.ItemGoneException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists a folder tree completely on every run (so deletions are whatever is no longer there). An item's version is
 * its size and modification time; the sync hashes the bytes of the ones whose version moved, so a touched but
 * unchanged file is not re-processed. Needs no cursor.
 */
final class FilesystemSource implements SourceClient {

    private final Path root;
    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;
    private final long maxBytes;

    FilesystemSource(Path root, String include, String exclude, long maxBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.include = matchers(include);
        this.exclude = matchers(exclude);
        this.maxBytes = maxBytes;
    }

    /**
     * Comma-separated globs (commas inside {@code {a,b}} belong to the glob). A glob starting with {@code **}{@code /}
     * also matches at the top level, as users expect from {@code **}{@code /*.md}.
     */
    static List<PathMatcher> matchers(String globs) {
        if (globs == null || globs.isBlank()) {
            return List.of();
        }
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : split(globs)) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        return matchers;
    }

    private static List<String> split(String globs) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (char c : globs.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public Listing changes(String cursor, Set<String> synced) {
        List<SourceItem> items = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = root.relativize(file);
                if (!Files.isRegularFile(file) || !wanted(relative)) {
                    continue;
                }
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                if (attrs.size() > maxBytes) {
                    continue; // too large to ingest (hippocamel.ingest.max-file-size): left out
                }
                String path = relative.toString().replace('\\', '/');
                items.add(new SourceItem(path, relative.getFileName().toString(), file.toUri().toString(), path,
                        attrs.lastModifiedTime().toInstant(),
                        attrs.size() + ":" + attrs.lastModifiedTime().toMillis(), file.toString()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, "cannot list " + root + ": "
                    + e.getMessage(), e);
        }
        return new Listing(items, List.of(), true, null);
    }

    private boolean wanted(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false; // hidden files and folders (.git, editor swap files)
            }
        }
        boolean included = include.isEmpty() || include.stream().anyMatch(m -> m.matches(relative));
        return included && exclude.stream().noneMatch(m -> m.matches(relative));
    }

    @Override
    public SourceContent content(SourceItem item) {
        Path file = Path.of(item.ref());
        try {
            String mime = Files.probeContentType(file);
            return new SourceContent(Files.readAllBytes(file), file.getFileName().toString(),
                    mime == null ? "application/octet-stream" : mime);
        } catch (NoSuchFileException e) {
            throw new ItemGoneException(item.sourceId());
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, "cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
