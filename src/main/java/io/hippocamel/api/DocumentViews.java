package io.hippocamel.api;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.StoredDocument;
import java.text.BreakIterator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps stored documents and chunks to the JSON shapes of the Supermemory API. */
public final class DocumentViews {

    private static final int SUMMARY_CHARS = 300;
    /** Supermemory's timestamp form: ISO-8601 UTC with milliseconds, e.g. 2026-01-01T00:00:00.000Z. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DocumentViews() {
    }

    /** GET /v3/documents/{id}. */
    public static Map<String, Object> full(StoredDocument d) {
        Map<String, Object> m = listItem(d, true);
        m.put("ogImage", null);
        m.put("raw", null);
        m.put("source", d.source());
        m.put("taskType", "memory");
        m.put("dreamingStatus", "done");
        m.put("chunkCount", d.chunkCount());
        if (d.error() != null) {
            m.put("error", d.error());
        }
        return m;
    }

    /** An entry of POST /v3/documents/list. */
    public static Map<String, Object> listItem(StoredDocument d, boolean includeContent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("customId", d.customId());
        m.put("connectionId", null);
        m.put("containerTags", List.of(d.containerTag()));
        m.put("createdAt", time(d.createdAt()));
        m.put("updatedAt", time(d.updatedAt()));
        m.put("filepath", null);
        m.put("metadata", d.metadata());
        m.put("status", d.status());
        m.put("summary", summary(d));
        m.put("title", title(d));
        m.put("type", d.type());
        m.put("url", d.url());
        if (includeContent) {
            m.put("content", d.status().isFinal() || d.url() == null ? d.content() : d.url());
        }
        return m;
    }

    /** An entry of GET /v3/documents/processing. */
    public static Map<String, Object> processingItem(StoredDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("customId", d.customId());
        m.put("title", title(d));
        m.put("type", d.type());
        m.put("status", d.status());
        m.put("createdAt", time(d.createdAt()));
        m.put("updatedAt", time(d.updatedAt()));
        m.put("metadata", d.metadata());
        m.put("containerTags", List.of(d.containerTag()));
        return m;
    }

    public static Map<String, Object> chunk(Chunk c, StoredDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("position", c.position());
        m.put("content", c.text());
        m.put("type", "text");
        m.put("createdAt", time(d.updatedAt()));
        return m;
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The title extraction found, else the file name, else the URL. */
    public static String title(StoredDocument d) {
        if (d.title() != null) {
            return d.title();
        }
        return d.fileName() != null ? d.fileName() : d.url();
    }

    /** A cheap extractive summary: the leading sentences of the text, up to about 300 characters. */
    public static String summary(StoredDocument d) {
        String text = d.content();
        if (text == null || !d.status().isFinal() && d.url() != null) {
            return null;
        }
        text = text.strip().replaceAll("\\s+", " ");
        if (text.length() <= SUMMARY_CHARS) {
            return text;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int end = sentences.following(Math.min(text.length() - 1, SUMMARY_CHARS / 2));
        if (end == BreakIterator.DONE || end > SUMMARY_CHARS * 2) {
            end = SUMMARY_CHARS;
            return text.substring(0, end).strip() + "…";
        }
        return text.substring(0, end).strip();
    }
}
