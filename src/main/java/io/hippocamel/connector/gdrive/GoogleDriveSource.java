package io.hippocamel.connector.gdrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.connector.ItemGoneException;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import io.hippocamel.connector.SourceHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

/**
 * Google Drive v3 over plain REST. First run: {@code changes/startPageToken} (taken before the scan, so changes made
 * during it are not lost), then a full {@code files.list} (recursively under {@code folderId} when set); the saved
 * cursor is that start token. Later runs page through {@code changes.list} from the cursor to the
 * {@code newStartPageToken} of its last page. Removed or trashed files, and files moved out of the folder, are
 * reported as removed. Google Docs, Sheets and Slides are exported (Markdown, CSV, text), other files downloaded
 * with {@code alt=media}; other Google-native types (forms, drawings, shortcuts) are skipped.
 */
final class GoogleDriveSource implements SourceClient {

    static final String FOLDER = "application/vnd.google-apps.folder";
    private static final String GOOGLE_APPS = "application/vnd.google-apps.";
    /** Google-native type → (export type, file extension). */
    private static final Map<String, String[]> EXPORTS = Map.of(
            "application/vnd.google-apps.document", new String[] {"text/markdown", ".md"},
            "application/vnd.google-apps.spreadsheet", new String[] {"text/csv", ".csv"},
            "application/vnd.google-apps.presentation", new String[] {"text/plain", ".txt"});
    private static final String FILE_FIELDS =
            "id,name,mimeType,modifiedTime,md5Checksum,version,size,trashed,parents,driveId,webViewLink";

    private final SourceHttp http;
    private final GoogleTokens tokens;
    private final ObjectMapper json;
    private final String apiBase;
    private final String folderId;
    private final String driveId;
    private final int pageSize;
    private final long maxBytes;

    GoogleDriveSource(SourceHttp http, GoogleTokens tokens, ObjectMapper json, String apiBaseUrl, String folderId,
                      String driveId, int pageSize, long maxBytes) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.apiBase = apiBaseUrl.replaceAll("/+$", "") + "/drive/v3";
        this.folderId = folderId;
        this.driveId = driveId;
        this.pageSize = pageSize;
        this.maxBytes = maxBytes;
    }

    @Override
    public Listing changes(String cursor, Set<String> synced) {
        if (cursor == null) {
            String start = startPageToken();
            return new Listing(fullListing(), List.of(), true, start);
        }
        Set<String> folders = folderId == null ? null : folderTree();
        Map<String, JsonNode> latest = new LinkedHashMap<>(); // a file changed twice: its last change counts
        String pageToken = cursor;
        String newStart;
        while (true) {
            Map<String, String> params = drives(new LinkedHashMap<>());
            params.put("pageToken", pageToken);
            params.put("pageSize", Integer.toString(pageSize));
            params.put("includeRemoved", "true");
            params.put("fields", "nextPageToken,newStartPageToken,changes(changeType,fileId,removed,time,file("
                    + FILE_FIELDS + "))");
            JsonNode page = getJson("/changes", params);
            for (JsonNode change : page.path("changes")) {
                if (!"drive".equals(change.path("changeType").asText())) {
                    latest.remove(change.path("fileId").asText());
                    latest.put(change.path("fileId").asText(), change);
                }
            }
            if (page.hasNonNull("nextPageToken")) {
                pageToken = page.get("nextPageToken").asText();
            } else {
                newStart = page.path("newStartPageToken").asText(null);
                break;
            }
        }
        List<SourceItem> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        latest.forEach((fileId, change) -> {
            JsonNode file = change.path("file");
            if (change.path("removed").asBoolean(false) || file.path("trashed").asBoolean(false)) {
                removed.add(fileId);
            } else if (!FOLDER.equals(file.path("mimeType").asText()) && supported(file)) {
                if (folders != null && !inAny(file, folders)) {
                    removed.add(fileId); // moved out of the synced folder (or never in it)
                } else {
                    items.add(item(file, null));
                }
            }
        });
        return new Listing(items, removed, false, newStart == null ? cursor : newStart);
    }

    @Override
    public SourceContent content(SourceItem item) {
        String mime = item.ref();
        String[] export = EXPORTS.get(mime);
        String id = URLEncoder.encode(item.sourceId(), StandardCharsets.UTF_8);
        if (export != null) {
            byte[] bytes = getBytes("/files/" + id + "/export", Map.of("mimeType", export[0]), item.sourceId());
            return new SourceContent(bytes, item.title() + export[1], export[0]);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("alt", "media");
        params.put("supportsAllDrives", "true");
        return new SourceContent(getBytes("/files/" + id, params, item.sourceId()), item.title(), mime);
    }

    private String startPageToken() {
        Map<String, String> params = drives(new LinkedHashMap<>());
        return getJson("/changes/startPageToken", params).path("startPageToken").asText();
    }

    /** Every file in scope: the whole drive, or the tree under {@code folderId} with folder paths. */
    private List<SourceItem> fullListing() {
        List<SourceItem> items = new ArrayList<>();
        if (folderId == null) {
            listFiles("trashed = false", file -> {
                if (!FOLDER.equals(file.path("mimeType").asText()) && supported(file)) {
                    items.add(item(file, null));
                }
            });
            return items;
        }
        Deque<String[]> folders = new ArrayDeque<>(); // (folder id, path)
        folders.add(new String[] {folderId, ""});
        while (!folders.isEmpty()) {
            String[] folder = folders.poll();
            listFiles("'" + folder[0].replace("'", "\\'") + "' in parents and trashed = false", file -> {
                String path = folder[1] + file.path("name").asText();
                if (FOLDER.equals(file.path("mimeType").asText())) {
                    folders.add(new String[] {file.path("id").asText(), path + "/"});
                } else if (supported(file)) {
                    items.add(item(file, path));
                }
            });
        }
        return items;
    }

    /** Ids of {@code folderId} and every folder below it: the scope a change must fall in. */
    private Set<String> folderTree() {
        Set<String> tree = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(folderId));
        while (!queue.isEmpty()) {
            String folder = queue.poll();
            tree.add(folder);
            listFiles("'" + folder.replace("'", "\\'") + "' in parents and trashed = false and mimeType = '"
                    + FOLDER + "'", file -> queue.add(file.path("id").asText()));
        }
        return tree;
    }

    private void listFiles(String query, java.util.function.Consumer<JsonNode> each) {
        String pageToken = null;
        do {
            Map<String, String> params = drives(new LinkedHashMap<>());
            params.put("q", query);
            params.put("pageSize", Integer.toString(pageSize));
            params.put("fields", "nextPageToken,files(" + FILE_FIELDS + ")");
            if (driveId != null) {
                params.put("corpora", "drive");
            }
            if (pageToken != null) {
                params.put("pageToken", pageToken);
            }
            JsonNode page = getJson("/files", params);
            page.path("files").forEach(each);
            pageToken = page.path("nextPageToken").asText(null);
        } while (pageToken != null);
    }

    private Map<String, String> drives(Map<String, String> params) {
        params.put("supportsAllDrives", "true");
        params.put("includeItemsFromAllDrives", "true");
        if (driveId != null) {
            params.put("driveId", driveId);
        }
        return params;
    }

    /** Exportable Google types and binaries within the size limit (a larger file is left out, never downloaded). */
    private boolean supported(JsonNode file) {
        String mime = file.path("mimeType").asText();
        if (mime.startsWith(GOOGLE_APPS)) {
            return EXPORTS.containsKey(mime);
        }
        return file.path("size").asLong(0) <= maxBytes;
    }

    private static boolean inAny(JsonNode file, Set<String> folders) {
        for (JsonNode parent : file.path("parents")) {
            if (folders.contains(parent.asText())) {
                return true;
            }
        }
        return false;
    }

    private static SourceItem item(JsonNode file, String path) {
        String version = file.hasNonNull("version") ? "v" + file.get("version").asText()
                : file.hasNonNull("md5Checksum") ? file.get("md5Checksum").asText()
                : file.path("modifiedTime").asText(null);
        Instant modified = file.hasNonNull("modifiedTime") ? Instant.parse(file.get("modifiedTime").asText()) : null;
        String name = file.path("name").asText();
        return new SourceItem(file.path("id").asText(), name, file.path("webViewLink").asText(null),
                path == null ? name : path, modified, version, file.path("mimeType").asText());
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private JsonNode getJson(String path, Map<String, String> params) {
        SourceHttp.Response response = get(path, params);
        if (response.status() != 200) {
            throw failure(path, response);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new SourceException(SourceException.Code.PROVIDER_UNAVAILABLE, "GET " + path
                    + " answered malformed JSON");
        }
    }

    private byte[] getBytes(String path, Map<String, String> params, String sourceId) {
        SourceHttp.Response response = get(path, params);
        if (response.status() == 404) {
            throw new ItemGoneException(sourceId);
        }
        if (response.status() != 200) {
            throw failure(path, response);
        }
        return response.body();
    }

    /** A GET with the access token; a 401 gets one retry with a fresh token. */
    private SourceHttp.Response get(String path, Map<String, String> params) {
        URI uri = URI.create(apiBase + path + "?" + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        for (int attempt = 0; ; attempt++) {
            SourceHttp.Response response = http.send(ClassicRequestBuilder.get(uri)
                    .addHeader("Authorization", "Bearer " + tokens.get()).build());
            if (response.status() != 401 || attempt > 0) {
                return response;
            }
            tokens.invalidate();
        }
    }

    private static SourceException failure(String path, SourceHttp.Response response) {
        SourceException.Code code = response.status() == 401 ? SourceException.Code.AUTH_EXPIRED
                : SourceException.Code.INTERNAL;
        String body = response.text().replaceAll("\\s+", " ");
        return new SourceException(code, "GET " + path + " answered " + response.status() + " "
                + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
    }
}
