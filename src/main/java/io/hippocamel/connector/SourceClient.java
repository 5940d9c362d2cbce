package io.hippocamel.connector;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The port every source type implements: what changed since a cursor, and each item's content on demand. Listing is
 * cheap; content is fetched only for items the sync decides to (re)process. Implementations throw
 * {@link SourceException} when the source cannot be read (the run fails and the cursor stays) and
 * {@link ItemGoneException} when one item vanished (it is deleted here).
 */
public interface SourceClient {

    /**
     * Items created or changed since {@code cursor} (null: first run, list everything) and the ids of items removed,
     * trashed or unshared since then.
     *
     * @param synced the source ids this connector holds now, for sources that must ask about them to notice removals
     */
    Listing changes(String cursor, Set<String> synced);

    /** The content of a listed item. */
    SourceContent content(SourceItem item);

    /**
     * What a listing found.
     *
     * @param items      created or changed items (each source id at most once)
     * @param removed    source ids deleted, trashed or no longer shared
     * @param complete   true when {@code items} is everything the source holds: whatever this connector stored and
     *                   the listing lacks was deleted at the source
     * @param nextCursor the cursor to save once the batch is durable
     */
    record Listing(List<SourceItem> items, List<String> removed, boolean complete, String nextCursor) {
        public Listing {
            items = List.copyOf(items);
            removed = List.copyOf(removed);
        }
    }

    /**
     * One source item.
     *
     * @param sourceId     the source's stable id (Drive file id, Notion page id, relative path, URL)
     * @param title        human title
     * @param url          where to open it
     * @param path         location inside the source (folder path, file path), or null
     * @param modifiedTime last modification at the source, or null
     * @param version      changes whenever the content may have changed (Drive version, last_edited_time, size+mtime)
     * @param ref          source-specific handle the content call needs (mime type, absolute path), or null
     */
    record SourceItem(String sourceId, String title, String url, String path, Instant modifiedTime, String version,
                      String ref) {
    }

    /** Downloaded or exported bytes, parsed by Tika like an upload. */
    record SourceContent(byte[] bytes, String fileName, String mimeType) {
    }
}
