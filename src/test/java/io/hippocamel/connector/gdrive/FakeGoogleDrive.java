package io.hippocamel.connector.gdrive;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful stand-in for Google's token endpoint and Drive v3 on 127.0.0.1, speaking the documented wire format:
 * {@code POST /token} (refresh-token and JWT-bearer grants), {@code changes/startPageToken}, {@code changes} paged with
 * {@code nextPageToken} and a {@code newStartPageToken} on the last page, {@code files} with {@code q} ("trashed =
 * false", "'<id>' in parents", "mimeType = '<type>'") and paging, {@code files/{id}?alt=media} and
 * {@code files/{id}/export?mimeType=}. Every write to the fake appends to a change log, as Drive does. Errors can be
 * injected: a 429 with {@code Retry-After}, 401 for a wrong token, 404 for unknown files.
 */
public final class FakeGoogleDrive implements AutoCloseable {

    public static final String TOKEN = "ya29.fake-access-token";
    public static final String DOC = "application/vnd.google-apps.document";
    public static final String SHEET = "application/vnd.google-apps.spreadsheet";
    public static final String FOLDER = "application/vnd.google-apps.folder";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int START = 100;

    /** A request as the fake saw it, with when. */
    public record Seen(String method, String path, Map<String, String> query, String body, Instant at) {
    }

    private static final class FakeFile {
        String id;
        String name;
        String mimeType;
        List<String> parents;
        byte[] content;
        long version = 1;
        Instant modified = Instant.parse("2026-01-01T00:00:00Z");
        boolean trashed;
    }

    private record Change(String fileId, boolean removed) {
    }

    private final LocalHttpServer server = new LocalHttpServer();
    private final Map<String, FakeFile> files = new LinkedHashMap<>();
    private final List<Change> log = new ArrayList<>();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> rateLimits = new LinkedHashMap<>();
    private String expectedRefreshToken = "1//refresh-token";

    public FakeGoogleDrive() {
        server.handle("/token", this::token);
        server.handle("/drive/v3/", this::drive);
    }

    public String baseUrl() {
        return server.url("");
    }

    public String tokenUrl() {
        return server.url("/token");
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} answer 429 with Retry-After: 1. */
    public synchronized void rateLimitNext(String pathPrefix, int times) {
        rateLimits.put(pathPrefix, times);
    }

    /** Makes the token endpoint refuse the refresh token, as after revocation. */
    public synchronized void revokeRefreshToken() {
        expectedRefreshToken = "revoked";
    }

    public synchronized void put(String id, String name, String mimeType, String parent, byte[] content) {
        FakeFile file = files.get(id);
        if (file == null) {
            file = new FakeFile();
            file.id = id;
            files.put(id, file);
        } else {
            file.version++;
        }
        file.name = name;
        file.mimeType = mimeType;
        file.parents = parent == null ? List.of("root") : List.of(parent);
        file.content = content;
        file.modified = file.modified.plusSeconds(60);
        log.add(new Change(id, false));
    }

    public void put(String id, String name, String mimeType, String parent, String content) {
        put(id, name, mimeType, parent, content.getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void trash(String id) {
        files.get(id).trashed = true;
        files.get(id).version++;
        log.add(new Change(id, false));
    }

    /** Deleted for good (or access lost): only a {@code removed: true} change tells. */
    public synchronized void remove(String id) {
        files.remove(id);
        log.add(new Change(id, true));
    }

    // ---- endpoints ----------------------------------------------------------------------------------------------

    private void token(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = parse(body);
        record(ex, form, body);
        boolean ok;
        synchronized (this) {
            ok = "refresh_token".equals(form.get("grant_type")) && "client-id".equals(form.get("client_id"))
                    && "client-secret".equals(form.get("client_secret"))
                    && expectedRefreshToken.equals(form.get("refresh_token"))
                    || "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                    && form.getOrDefault("assertion", "").split("\\.").length == 3;
        }
        if (!ok) {
            json(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
            return;
        }
        json(ex, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3599,\"token_type\":\"Bearer\","
                + "\"scope\":\"https://www.googleapis.com/auth/drive.readonly\"}");
    }

    private void drive(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/drive/v3".length());
        Map<String, String> query = parse(ex.getRequestURI().getRawQuery());
        record(ex, query, null);
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            json(ex, 401, error(401, "authError", "Invalid Credentials"));
            return;
        }
        synchronized (this) {
            for (Map.Entry<String, Integer> limit : rateLimits.entrySet()) {
                if (path.startsWith(limit.getKey()) && limit.getValue() > 0) {
                    limit.setValue(limit.getValue() - 1);
                    ex.getResponseHeaders().set("Retry-After", "1");
                    json(ex, 429, error(429, "rateLimitExceeded", "Too many requests"));
                    return;
                }
            }
            if (path.equals("/changes/startPageToken")) {
                json(ex, 200, "{\"kind\":\"drive#startPageToken\",\"startPageToken\":\"" + (START + log.size())
                        + "\"}");
            } else if (path.equals("/changes")) {
                changes(ex, query);
            } else if (path.equals("/files")) {
                list(ex, query);
            } else {
                Matcher m = Pattern.compile("/files/([^/]+)(/export)?").matcher(path);
                FakeFile file = m.matches() ? files.get(m.group(1)) : null;
                if (file == null || file.trashed && m.group(2) == null && !"media".equals(query.get("alt"))) {
                    json(ex, 404, error(404, "notFound", "File not found: " + (m.matches() ? m.group(1) : path)));
                } else if (m.group(2) != null) {
                    if (!file.mimeType.startsWith("application/vnd.google-apps.") || query.get("mimeType") == null) {
                        json(ex, 403, error(403, "fileNotExportable", "Export only supports Docs Editors files."));
                    } else {
                        LocalHttpServer.respond(ex, 200, query.get("mimeType"), file.content);
                    }
                } else if ("media".equals(query.get("alt"))) {
                    if (file.mimeType.startsWith("application/vnd.google-apps.")) {
                        json(ex, 403, error(403, "fileNotDownloadable", "Use Export with Docs Editors files."));
                    } else {
                        LocalHttpServer.respond(ex, 200, file.mimeType, file.content);
                    }
                } else {
                    json(ex, 200, fileJson(file).toString());
                }
            }
        }
    }

    private void changes(HttpExchange ex, Map<String, String> query) throws IOException {
        int from = Integer.parseInt(query.get("pageToken")) - START;
        int size = Integer.parseInt(query.getOrDefault("pageSize", "100"));
        ObjectNode page = JSON.createObjectNode().put("kind", "drive#changeList");
        ArrayNode changes = page.putArray("changes");
        int to = Math.min(log.size(), from + size);
        for (int i = Math.max(0, from); i < to; i++) {
            Change c = log.get(i);
            ObjectNode change = changes.addObject().put("kind", "drive#change").put("changeType", "file")
                    .put("fileId", c.fileId()).put("removed", c.removed()).put("time", "2026-01-02T00:00:00.000Z");
            FakeFile file = files.get(c.fileId());
            if (!c.removed() && file != null) {
                change.set("file", fileJson(file));
            }
        }
        if (to < log.size()) {
            page.put("nextPageToken", Integer.toString(START + to));
        } else {
            page.put("newStartPageToken", Integer.toString(START + log.size()));
        }
        json(ex, 200, page.toString());
    }

    private void list(HttpExchange ex, Map<String, String> query) throws IOException {
        String q = query.getOrDefault("q", "");
        Matcher parent = Pattern.compile("'([^']+)' in parents").matcher(q);
        String inParent = parent.find() ? parent.group(1) : null;
        Matcher mime = Pattern.compile("mimeType = '([^']+)'").matcher(q);
        String onlyType = mime.find() ? mime.group(1) : null;
        boolean notTrashed = q.contains("trashed = false");
        List<FakeFile> matching = files.values().stream()
                .filter(f -> !notTrashed || !f.trashed)
                .filter(f -> inParent == null || f.parents.contains(inParent))
                .filter(f -> onlyType == null || f.mimeType.equals(onlyType))
                .sorted(Comparator.comparing(f -> f.id))
                .toList();
        int from = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken")) : 0;
        int size = Integer.parseInt(query.getOrDefault("pageSize", "100"));
        ObjectNode page = JSON.createObjectNode().put("kind", "drive#fileList").put("incompleteSearch", false);
        ArrayNode list = page.putArray("files");
        int to = Math.min(matching.size(), from + size);
        for (int i = from; i < to; i++) {
            list.add(fileJson(matching.get(i)));
        }
        if (to < matching.size()) {
            page.put("nextPageToken", Integer.toString(to));
        }
        json(ex, 200, page.toString());
    }

    private static ObjectNode fileJson(FakeFile f) {
        ObjectNode node = JSON.createObjectNode().put("kind", "drive#file").put("id", f.id).put("name", f.name)
                .put("mimeType", f.mimeType).put("modifiedTime", f.modified.toString())
                .put("version", Long.toString(f.version)).put("trashed", f.trashed)
                .put("webViewLink", "https://drive.google.com/file/d/" + f.id + "/view");
        if (!f.mimeType.startsWith("application/vnd.google-apps.")) {
            node.put("size", Integer.toString(f.content.length)).put("md5Checksum", "md5-" + f.version);
        }
        ArrayNode parents = node.putArray("parents");
        f.parents.forEach(parents::add);
        return node;
    }

    private static String error(int code, String reason, String message) {
        return "{\"error\":{\"code\":" + code + ",\"errors\":[{\"domain\":\"usageLimits\",\"reason\":\"" + reason
                + "\",\"message\":\"" + message + "\"}],\"message\":\"" + message + "\"}}";
    }

    private void record(HttpExchange ex, Map<String, String> query, String body) {
        requests.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), query, body, Instant.now()));
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        LocalHttpServer.respond(ex, status, "application/json; charset=UTF-8", body);
    }

    private static Map<String, String> parse(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
