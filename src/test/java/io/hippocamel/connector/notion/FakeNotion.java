package io.hippocamel.connector.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.hippocamel.testsupport.LocalHttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful stand-in for the Notion API (version 2022-06-28) on 127.0.0.1: {@code POST /v1/search} (filter by
 * object, sort by last_edited_time, {@code start_cursor}/{@code next_cursor} paging), {@code GET
 * /v1/blocks/{id}/children} (query-string paging, blocks with {@code has_children}), {@code GET /v1/pages/{id}}.
 * It pages in twos whatever the client asks, as the API may return partial pages, so tests cover pagination with
 * few items. It rejects a missing {@code Notion-Version} (400 missing_version) and a wrong token (401), can answer 429 rate_limited with
 * {@code Retry-After: 1}, and answers 404 object_not_found for pages no longer shared.
 */
public final class FakeNotion implements AutoCloseable {

    public static final String TOKEN = "secret_fake-integration-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2;

    /** A request as the fake saw it. */
    public record Seen(String method, String path, String query, String body, String version, Instant at) {
    }

    private final LocalHttpServer server = new LocalHttpServer();
    /** Page id → page object; a page removed from here is unshared (404, and no longer found by search). */
    private final Map<String, ObjectNode> pages = new LinkedHashMap<>();
    /** Block or page id → its children. */
    private final Map<String, List<ObjectNode>> children = new LinkedHashMap<>();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private Instant clock = Instant.parse("2026-02-01T09:00:00Z");
    private int rateLimited;

    public FakeNotion() {
        server.handle("/v1/", this::handle);
    }

    public String baseUrl() {
        return server.url("");
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    public synchronized void rateLimitNext(int times) {
        rateLimited = times;
    }

    /** A page under the workspace (or a database row when {@code databaseId} is set) with a title and properties. */
    public synchronized ObjectNode page(String id, String title, String databaseId, Map<String, JsonNode> properties) {
        ObjectNode page = JSON.createObjectNode().put("object", "page").put("id", id)
                .put("created_time", "2026-01-01T00:00:00.000Z").put("archived", false).put("in_trash", false)
                .put("url", "https://www.notion.so/" + id.replace("-", ""));
        ObjectNode parent = page.putObject("parent");
        if (databaseId == null) {
            parent.put("type", "workspace").put("workspace", true);
        } else {
            parent.put("type", "database_id").put("database_id", databaseId);
        }
        ObjectNode props = page.putObject("properties");
        props.putObject(databaseId == null ? "title" : "Name").put("id", "title").put("type", "title")
                .set("title", richText(title));
        properties.forEach(props::set);
        pages.put(id, page);
        children.putIfAbsent(id, new ArrayList<>());
        touch(id);
        return page;
    }

    /** Appends a block under a page or block; {@code has_children} follows from later appends under it. */
    public synchronized ObjectNode block(String parentId, String blockId, String type, String text) {
        ObjectNode block = JSON.createObjectNode().put("object", "block").put("id", blockId).put("type", type)
                .put("has_children", false).put("archived", false);
        block.putObject(type).put("color", "default").set("rich_text", richText(text));
        children.computeIfAbsent(parentId, k -> new ArrayList<>()).add(block);
        children.putIfAbsent(blockId, new ArrayList<>());
        markParent(parentId);
        return block;
    }

    /** Changes a block's text, as an edit in Notion does, and bumps its page's last_edited_time. */
    public synchronized void edit(String pageId, String blockId, String text) {
        for (List<ObjectNode> list : children.values()) {
            for (ObjectNode block : list) {
                if (block.path("id").asText().equals(blockId)) {
                    ((ObjectNode) block.get(block.get("type").asText())).set("rich_text", richText(text));
                }
            }
        }
        touch(pageId);
    }

    public synchronized void archive(String pageId) {
        pages.get(pageId).put("archived", true).put("in_trash", true);
        touch(pageId);
    }

    /** Archives a page without changing its last_edited_time, so a search sorted by edit time does not surface it. */
    public synchronized void archiveQuietly(String pageId) {
        pages.get(pageId).put("archived", true).put("in_trash", true);
    }

    /** The integration loses access: the page vanishes from search and its blocks answer 404. */
    public synchronized void unshare(String pageId) {
        pages.remove(pageId);
    }

    public static ObjectNode selectProperty(String name) {
        ObjectNode p = JSON.createObjectNode().put("id", "s1").put("type", "select");
        p.putObject("select").put("id", "o1").put("name", name).put("color", "green");
        return p;
    }

    public static ObjectNode textProperty(String text) {
        ObjectNode p = JSON.createObjectNode().put("id", "t1").put("type", "rich_text");
        p.set("rich_text", richText(text));
        return p;
    }

    private void markParent(String parentId) {
        for (List<ObjectNode> list : children.values()) {
            for (ObjectNode block : list) {
                if (block.path("id").asText().equals(parentId)) {
                    block.put("has_children", true);
                }
            }
        }
    }

    private void touch(String pageId) {
        clock = clock.plusSeconds(60);
        pages.get(pageId).put("last_edited_time", clock.toString().replace("Z", ".000Z"));
    }

    private static ArrayNode richText(String text) {
        ArrayNode items = JSON.createArrayNode();
        ObjectNode item = items.addObject().put("type", "text").put("plain_text", text);
        item.putObject("text").put("content", text).putNull("link");
        item.putObject("annotations").put("bold", false).put("italic", false).put("strikethrough", false)
                .put("underline", false).put("code", false).put("color", "default");
        item.putNull("href");
        return items;
    }

    // ---- endpoints ----------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String version = ex.getRequestHeaders().getFirst("Notion-Version");
        String path = ex.getRequestURI().getPath().substring("/v1".length());
        requests.add(new Seen(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), body, version,
                Instant.now()));
        if (version == null) {
            error(ex, 400, "missing_version", "Notion-Version header failed validation: Notion-Version should be"
                    + " defined.");
            return;
        }
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            error(ex, 401, "unauthorized", "API token is invalid.");
            return;
        }
        synchronized (this) {
            if (rateLimited > 0) {
                rateLimited--;
                ex.getResponseHeaders().set("Retry-After", "1");
                error(ex, 429, "rate_limited", "You have been rate limited. Please try again in a few minutes.");
                return;
            }
            if (path.equals("/search") && ex.getRequestMethod().equals("POST")) {
                search(ex, JSON.readTree(body));
            } else if (path.startsWith("/pages/") && ex.getRequestMethod().equals("GET")) {
                String id = path.substring("/pages/".length());
                if (pages.containsKey(id)) {
                    LocalHttpServer.respond(ex, 200, "application/json", pages.get(id).toString());
                } else {
                    error(ex, 404, "object_not_found", "Could not find page with ID: " + id
                            + ". Make sure the relevant pages and databases are shared with your integration.");
                }
            } else if (path.startsWith("/blocks/") && path.endsWith("/children")) {
                blockChildren(ex, path.substring("/blocks/".length(), path.length() - "/children".length()));
            } else {
                error(ex, 400, "invalid_request_url", "Invalid request URL.");
            }
        }
    }

    private void search(HttpExchange ex, JsonNode request) throws IOException {
        if (!"page".equals(request.path("filter").path("value").asText("page"))) {
            list(ex, List.of(), 0);
            return;
        }
        boolean descending = "descending".equals(request.path("sort").path("direction").asText("descending"));
        Comparator<ObjectNode> byEdit = Comparator.comparing(p -> p.path("last_edited_time").asText());
        List<ObjectNode> sorted = pages.values().stream().sorted(descending ? byEdit.reversed() : byEdit).toList();
        int from = request.hasNonNull("start_cursor") ? Integer.parseInt(request.get("start_cursor").asText()) : 0;
        list(ex, sorted, from);
    }

    private void blockChildren(HttpExchange ex, String id) throws IOException {
        boolean shared = pages.containsKey(id) && !pages.get(id).path("archived").asBoolean()
                || !pages.containsKey(id) && children.containsKey(id) && !isPageId(id);
        if (!shared) {
            error(ex, 404, "object_not_found", "Could not find block with ID: " + id
                    + ". Make sure the relevant pages and databases are shared with your integration.");
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        int from = query.containsKey("start_cursor") ? Integer.parseInt(query.get("start_cursor")) : 0;
        list(ex, children.get(id), from);
    }

    /** Ids that were pages (unshared ones included): their blocks are gone with them. */
    private boolean isPageId(String id) {
        return id.startsWith("page-");
    }

    private void list(HttpExchange ex, List<ObjectNode> all, int from) throws IOException {
        ObjectNode answer = JSON.createObjectNode().put("object", "list");
        ArrayNode results = answer.putArray("results");
        int to = Math.min(all.size(), from + PAGE);
        for (int i = from; i < to; i++) {
            results.add(all.get(i));
        }
        boolean more = to < all.size();
        answer.put("has_more", more);
        if (more) {
            answer.put("next_cursor", Integer.toString(to));
        } else {
            answer.putNull("next_cursor");
        }
        answer.put("type", "page_or_database").putObject("page_or_database");
        LocalHttpServer.respond(ex, 200, "application/json", answer.toString());
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        LocalHttpServer.respond(ex, status, "application/json", JSON.createObjectNode().put("object", "error")
                .put("status", status).put("code", code).put("message", message)
                .put("request_id", "req-fake").toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
