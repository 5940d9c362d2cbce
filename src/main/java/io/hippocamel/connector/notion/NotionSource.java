package io.hippocamel.connector.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hippocamel.connector.ItemGoneException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import io.hippocamel.connector.SourceHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Notion has no change feed, so: {@code POST /v1/search} for pages sorted by {@code last_edited_time} descending,
 * read until a page older than the saved high-water mark (incremental run), or to the end (full reconcile: on the
 * first run and whenever {@code reconcileInterval} has passed, since search misses deletions and unsharing). Pages
 * with {@code archived}/{@code in_trash} are removed. Search does not show unshared pages, nor archived ones whose
 * edit time predates the high-water mark, so an incremental run also asks {@code GET /v1/pages/{id}} about synced
 * pages it did not see (at most {@code presenceChecks} per run, taking turns in id order): a 404 or an archived page
 * is removed, and gone after that run rather than at the next reconcile. Database rows are pages too, so they come
 * with their properties. Content is the page's block tree ({@code GET /v1/blocks/{id}/children}, paginated,
 * recursing on {@code has_children}) rendered to Markdown under the title and properties. The cursor is JSON:
 * {@code {"since": <high-water mark>, "reconciledAt": <instant>, "checkedUpTo": <last page id checked>}}.
 */
final class NotionSource implements SourceClient {

    private static final int MAX_DEPTH = 12;

    private final SourceHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final String apiBase;
    private final String token;
    private final String version;
    private final Duration reconcileInterval;
    private final int presenceChecks;
    /** Pages seen by the last listing, for rendering their title and properties. */
    private final Map<String, JsonNode> pages = new HashMap<>();

    private record Cursor(Instant since, Instant reconciledAt, String checkedUpTo) {
    }

    NotionSource(SourceHttp http, ObjectMapper json, Clock clock, String apiBaseUrl, String token, String version,
                 Duration reconcileInterval, int presenceChecks) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.apiBase = apiBaseUrl.replaceAll("/+$", "") + "/v1";
        this.token = token;
        this.version = version;
        this.reconcileInterval = reconcileInterval;
        this.presenceChecks = presenceChecks;
    }

    @Override
    public Listing changes(String cursorText, Set<String> synced) {
        Cursor cursor = cursorText == null ? null : read(cursorText);
        Instant now = clock.instant();
        boolean full = cursor == null || cursor.reconciledAt().plus(reconcileInterval).isBefore(now);
        Instant since = cursor == null ? Instant.EPOCH : cursor.since();
        Instant highWater = since;
        List<SourceItem> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        String startCursor = null;
        pages:
        do {
            ObjectNode body = json.createObjectNode();
            body.putObject("filter").put("property", "object").put("value", "page");
            body.putObject("sort").put("direction", "descending").put("timestamp", "last_edited_time");
            body.put("page_size", 100);
            if (startCursor != null) {
                body.put("start_cursor", startCursor);
            }
            JsonNode answer = call("POST", "/search", body, null);
            for (JsonNode page : answer.path("results")) {
                if (!"page".equals(page.path("object").asText())) {
                    continue;
                }
                Instant edited = Instant.parse(page.path("last_edited_time").asText());
                if (!full && edited.isBefore(since)) {
                    break pages; // sorted newest first: everything after this is older still
                }
                highWater = edited.isAfter(highWater) ? edited : highWater;
                String id = page.path("id").asText();
                if (page.path("archived").asBoolean(false) || page.path("in_trash").asBoolean(false)) {
                    removed.add(id);
                    continue;
                }
                pages.put(id, page);
                String title = NotionMarkdown.title(page);
                items.add(new SourceItem(id, title.isBlank() ? "Untitled" : title, page.path("url").asText(null),
                        null, edited, page.path("last_edited_time").asText(), null));
            }
            startCursor = answer.path("has_more").asBoolean(false) ? answer.path("next_cursor").asText(null) : null;
        } while (startCursor != null);
        String checkedUpTo = null;
        if (!full) {
            Set<String> seen = new HashSet<>(removed);
            items.forEach(item -> seen.add(item.sourceId()));
            checkedUpTo = checkPresence(synced, seen, cursor.checkedUpTo(), removed);
        }
        Cursor next = new Cursor(highWater, full ? now : cursor.reconciledAt(), checkedUpTo);
        return new Listing(items, removed, full, write(next));
    }

    /**
     * Asks about synced pages this run did not see, in id order from after {@code after} (wrapping round), at most
     * {@code presenceChecks} of them; adds those unshared, deleted or archived to {@code removed}. Returns the last id
     * checked, where the next run goes on.
     */
    private String checkPresence(Set<String> synced, Set<String> seen, String after, List<String> removed) {
        List<String> unseen = new TreeSet<>(synced).stream().filter(id -> !seen.contains(id)).toList();
        if (unseen.isEmpty() || presenceChecks == 0) {
            return after;
        }
        int start = 0;
        while (after != null && start < unseen.size() && unseen.get(start).compareTo(after) <= 0) {
            start++;
        }
        String last = after;
        for (int i = 0; i < Math.min(presenceChecks, unseen.size()); i++) {
            String id = unseen.get((start + i) % unseen.size());
            if (gone(id)) {
                removed.add(id);
            }
            last = id;
        }
        return last;
    }

    /** Whether a page no longer reaches us: 404 (deleted or unshared), or archived / in the trash. */
    private boolean gone(String pageId) {
        SourceHttp.Response response = http.send(request("GET", "/pages/" + pageId, null, null));
        if (response.status() == 404) {
            return true;
        }
        JsonNode page = parse(response);
        if (response.status() != 200) {
            throw failure("GET", "/pages/{id}", response, page);
        }
        return page.path("archived").asBoolean(false) || page.path("in_trash").asBoolean(false);
    }

    @Override
    public SourceContent content(SourceItem item) {
        JsonNode page = pages.get(item.sourceId());
        StringBuilder md = new StringBuilder("# ").append(item.title()).append("\n\n");
        if (page != null) {
            List<String> properties = NotionMarkdown.properties(page);
            properties.forEach(line -> md.append("- ").append(line).append('\n'));
            if (!properties.isEmpty()) {
                md.append('\n');
            }
        }
        render(item.sourceId(), "", 0, md);
        return new SourceContent(md.toString().getBytes(StandardCharsets.UTF_8), safeName(item.title()) + ".md",
                "text/markdown");
    }

    /** Appends the children of a block (a page is a block) and, depth first, their children. */
    private void render(String blockId, String indent, int depth, StringBuilder md) {
        String startCursor = null;
        int number = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page_size", "100");
            if (startCursor != null) {
                query.put("start_cursor", startCursor);
            }
            JsonNode answer = call("GET", "/blocks/" + blockId + "/children", null, query);
            for (JsonNode block : answer.path("results")) {
                String type = block.path("type").asText();
                number = "numbered_list_item".equals(type) ? number + 1 : 0;
                if ("table".equals(type)) {
                    renderTable(block.path("id").asText(), md);
                    continue;
                }
                String line = NotionMarkdown.block(block, indent, number);
                if (!line.isEmpty()) {
                    md.append(line).append(type.endsWith("list_item") || "to_do".equals(type) ? "\n" : "\n\n");
                }
                boolean nested = block.path("has_children").asBoolean(false) && !type.startsWith("child_");
                if (nested && depth < MAX_DEPTH) {
                    render(block.path("id").asText(), indent + "  ", depth + 1, md);
                }
            }
            startCursor = answer.path("has_more").asBoolean(false) ? answer.path("next_cursor").asText(null) : null;
        } while (startCursor != null);
    }

    private void renderTable(String tableId, StringBuilder md) {
        String startCursor = null;
        boolean first = true;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page_size", "100");
            if (startCursor != null) {
                query.put("start_cursor", startCursor);
            }
            JsonNode answer = call("GET", "/blocks/" + tableId + "/children", null, query);
            for (JsonNode row : answer.path("results")) {
                String line = NotionMarkdown.tableRow(row);
                md.append(line).append('\n');
                if (first) {
                    md.append(line.replaceAll("[^|]+", " --- ")).append('\n');
                    first = false;
                }
            }
            startCursor = answer.path("has_more").asBoolean(false) ? answer.path("next_cursor").asText(null) : null;
        } while (startCursor != null);
        md.append('\n');
    }

    private JsonNode call(String method, String path, JsonNode body, Map<String, String> query) {
        SourceHttp.Response response = http.send(request(method, path, body, query));
        JsonNode answer = parse(response);
        if (response.status() == 200) {
            return answer;
        }
        if (response.status() == 404 && path.startsWith("/blocks/")) {
            throw new ItemGoneException(path); // deleted or no longer shared with the integration
        }
        throw failure(method, path, response, answer);
    }

    private ClassicHttpRequest request(String method, String path, JsonNode body, Map<String, String> query) {
        StringBuilder uri = new StringBuilder(apiBase).append(path);
        if (query != null && !query.isEmpty()) {
            uri.append('?');
            query.forEach((k, v) -> uri.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                    .append('&'));
            uri.setLength(uri.length() - 1);
        }
        ClassicRequestBuilder request = ClassicRequestBuilder.create(method).setUri(uri.toString())
                .addHeader("Authorization", "Bearer " + token)
                .addHeader("Notion-Version", version);
        if (body != null) {
            request.setEntity(body.toString(), ContentType.APPLICATION_JSON);
        }
        return request.build();
    }

    private static SourceException failure(String method, String path, SourceHttp.Response response,
                                           JsonNode answer) {
        String message = method + " " + path + " answered " + response.status() + " "
                + answer.path("code").asText("") + ": " + answer.path("message").asText("");
        return new SourceException(response.status() == 401 ? SourceException.Code.AUTH_EXPIRED
                : SourceException.Code.INTERNAL, message);
    }

    private JsonNode parse(SourceHttp.Response response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private Cursor read(String text) {
        try {
            return json.readValue(text, Cursor.class);
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.INTERNAL, "unreadable saved cursor: " + e.getMessage());
        }
    }

    private String write(Cursor cursor) {
        try {
            return json.writeValueAsString(cursor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safeName(String title) {
        String name = title.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        return name.isEmpty() ? "page" : name.length() > 80 ? name.substring(0, 80) : name;
    }
}
