package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.Page;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryRelation;
import io.hippocamel.memory.MemoryService;
import io.hippocamel.memory.ScoredMemory;
import io.hippocamel.search.FilterParser;
import io.hippocamel.tenancy.RequestRules;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * Handlers of the v4 memory endpoints: {@code /v4/memories} (add, update, forget), {@code /v4/memories/list},
 * {@code /v4/memories/forget-matching} and {@code /v4/profile}.
 */
public class MemoryApi {

    private static final int MAX_CONTENT = 10_000;
    private static final int MAX_QUERY = 2_000;

    private final MemoryService memories;
    private final RequestReader reader;
    private final FilterParser filters;
    private final ObjectMapper json;

    public MemoryApi(MemoryService memories, RequestReader reader, FilterParser filters, ObjectMapper json) {
        this.memories = memories;
        this.reader = reader;
        this.filters = filters;
        this.json = json;
    }

    /** POST /v4/memories: 201 {documentId (null: no source document), memories}. */
    public ApiResponse add(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        String tag = requiredTag(node);
        JsonNode items = node.get("memories");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > 100) {
            throw ApiException.badRequest("memories must be an array of 1-100 memories");
        }
        List<MemoryService.NewMemory> toAdd = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw ApiException.badRequest("each memory must be an object with content");
            }
            toAdd.add(new MemoryService.NewMemory(content(item, "content"),
                    RequestRules.bool(item, "isStatic", "memories.isStatic", false),
                    RequestRules.metadata(item.get("metadata"), false), time(item, "forgetAfter"),
                    RequestReader.string(item, "forgetReason", false, 1000), temporalContext(item)));
        }
        List<Map<String, Object>> out = memories.add(tenant, tag, toAdd).stream().map(MemoryApi::added).toList();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("documentId", null);
        response.put("memories", out);
        return new ApiResponse(201, response);
    }

    /** POST /v4/memories/list. */
    public ApiResponse list(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        List<String> tags = RequestReader.containerTags(node);
        if (tags.isEmpty()) {
            throw ApiException.badRequest("containerTags must name at least one container tag");
        }
        int limit = RequestRules.integer(node, "limit", 10, 1, 1000);
        int page = RequestRules.integer(node, "page", 1, 1, 1_000_000);
        Page<MemoryService.Entry> entries = memories.list(tenant, new MemoryService.ListRequest(tags,
                filters.parse(node.get("filters")), limit, page, RequestReader.sort(node)));
        List<Map<String, Object>> out = new ArrayList<>();
        for (MemoryService.Entry e : entries.items()) {
            Map<String, Object> m = entry(e.memory());
            m.put("history", e.history().stream().map(MemoryApi::historyItem).toList());
            out.add(m);
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("currentPage", page);
        pagination.put("limit", limit);
        pagination.put("totalItems", entries.total());
        pagination.put("totalPages", (entries.total() + limit - 1) / limit);
        return ApiResponse.ok(Map.of("memoryEntries", out, "pagination", pagination));
    }

    /** PATCH /v4/memories: a new version. */
    public ApiResponse update(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        String tag = requiredTag(node);
        String id = RequestReader.string(node, "id", false, 255);
        String content = id == null ? RequestReader.string(node, "content", false, MAX_CONTENT) : null;
        if (id == null && content == null) {
            throw ApiException.badRequest("missing id or content");
        }
        String newContent = content(node, "newContent");
        Memory m = memories.update(tenant, new MemoryService.Update(tag, id, content, newContent,
                RequestRules.metadata(node.get("metadata"), false), node.has("forgetAfter"),
                time(node, "forgetAfter"), RequestReader.string(node, "forgetReason", false, 1000),
                temporalContext(node)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("memory", m.content());
        out.put("version", m.version());
        out.put("parentMemoryId", m.parentMemoryId());
        out.put("rootMemoryId", m.rootMemoryId());
        out.put("createdAt", DocumentViews.time(m.createdAt()));
        out.put("forgetAfter", time(m.forgetAfter()));
        out.put("forgetReason", m.forgetReason());
        out.put("metadata", m.metadata());
        return ApiResponse.ok(out);
    }

    /** DELETE /v4/memories: forget by id or exact content. */
    public ApiResponse forget(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        String tag = requiredTag(node);
        String id = RequestReader.string(node, "id", false, 255);
        String content = RequestReader.string(node, "content", false, MAX_CONTENT);
        if ((id == null || id.isBlank()) && (content == null || content.isEmpty())) {
            throw ApiException.badRequest("missing id or content");
        }
        Memory m = memories.forget(tenant, tag, id == null || id.isBlank() ? null : id, content,
                RequestReader.string(node, "reason", false, 1000));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("forgotten", true);
        return ApiResponse.ok(out);
    }

    /** POST /v4/memories/forget-matching. */
    public ApiResponse forgetMatching(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        String tag = requiredTag(node);
        String query = RequestReader.string(node, "query", false, MAX_QUERY);
        List<String> ids = ids(node);
        if ((query == null || query.isBlank()) && ids == null) {
            throw ApiException.badRequest("query or ids is required");
        }
        boolean dryRun = RequestRules.bool(node, "dryRun", false);
        MemoryService.Matched matched = memories.forgetMatching(tenant, new MemoryService.ForgetMatching(tag,
                ids == null ? query : null, ids, dryRun, RequestRules.fraction(node, "threshold", 0.5),
                RequestRules.integer(node, "maxForget", 100, 1, 500),
                RequestReader.string(node, "reason", false, 1000)));
        List<Map<String, Object>> items = matched.memories().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.memory().id());
            m.put("memory", s.memory().content());
            m.put("score", s.similarity());
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", matched.dryRun());
        out.put("count", items.size());
        out.put("forgetBatchId", matched.batchId());
        out.put("summary", (matched.dryRun() ? "would forget " : "forgot ") + items.size() + " memories");
        out.put(matched.dryRun() ? "candidates" : "forgotten", items);
        return ApiResponse.ok(out);
    }

    /** POST /v4/profile. */
    public ApiResponse profile(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        long start = System.nanoTime();
        JsonNode node = reader.object(body);
        String tag = requiredTag(node);
        String q = RequestReader.string(node, "q", false, 10_000);
        List<String> include = includeParts(node);
        MemoryService.Profile p = memories.profile(tenant, new MemoryService.ProfileRequest(tag, q,
                RequestRules.fraction(node, "threshold", 0.5), filters.parse(node.get("filters")),
                include.contains("static"), include.contains("dynamic"),
                RequestRules.integer(node, "limit", 10, 1, 100)));
        Map<String, Object> profile = new LinkedHashMap<>();
        if (include.contains("static")) {
            profile.put("static", p.staticMemories().stream().map(Memory::content).toList());
        }
        if (include.contains("dynamic")) {
            profile.put("dynamic", p.dynamicMemories().stream().map(Memory::content).toList());
        }
        if (include.contains("buckets")) {
            profile.put("buckets", Map.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("profile", profile);
        if (p.results() != null) {
            List<Map<String, Object>> results = p.results().stream().map(s -> searchResult(s, null)).toList();
            Map<String, Object> search = new LinkedHashMap<>();
            search.put("results", results);
            search.put("total", results.size());
            search.put("timing", (System.nanoTime() - start) / 1_000_000);
            out.put("searchResults", search);
        }
        return ApiResponse.ok(out);
    }

    /** A memory as /v4/search and the profile's search results show it; {@code context} may be null. */
    static Map<String, Object> searchResult(ScoredMemory s, Map<String, Object> context) {
        Memory m = s.memory();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("memory", m.content());
        r.put("metadata", m.metadata());
        r.put("updatedAt", DocumentViews.time(m.updatedAt()));
        r.put("similarity", s.similarity());
        r.put("version", m.version());
        r.put("isStatic", m.isStatic());
        r.put("containerTag", m.containerTag());
        if (m.isForgotten()) {
            r.put("isForgotten", true);
        }
        List<String> documents = m.sourceDocumentIds();
        if (!documents.isEmpty()) {
            r.put("documentId", documents.get(0));
        }
        if (context != null) {
            r.put("context", context);
        }
        return r;
    }

    private static Map<String, Object> added(Memory m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("memory", m.content());
        out.put("isStatic", m.isStatic());
        out.put("createdAt", DocumentViews.time(m.createdAt()));
        out.put("forgetAfter", time(m.forgetAfter()));
        out.put("forgetReason", m.forgetReason());
        out.put("metadata", m.metadata());
        return out;
    }

    private static Map<String, Object> entry(Memory m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("memory", m.content());
        out.put("version", m.version());
        out.put("isLatest", m.isLatest());
        out.put("isForgotten", m.isForgotten());
        out.put("isStatic", m.isStatic());
        out.put("isInference", m.relations().stream().anyMatch(r -> r.type() == MemoryRelation.Type.DERIVES));
        out.put("createdAt", DocumentViews.time(m.createdAt()));
        out.put("updatedAt", DocumentViews.time(m.updatedAt()));
        out.put("containerTag", m.containerTag());
        out.put("sourceCount", m.sourceDocumentIds().size());
        out.put("parentMemoryId", m.parentMemoryId());
        out.put("rootMemoryId", m.rootMemoryId());
        out.put("forgetAfter", time(m.forgetAfter()));
        out.put("forgetReason", m.forgetReason());
        out.put("metadata", m.metadata());
        Map<String, String> relations = new LinkedHashMap<>();
        m.relations().forEach(r -> relations.put(r.memoryId(), r.type().wire()));
        out.put("memoryRelations", relations);
        out.put("temporalContext", m.temporalContext());
        out.put("documentIds", m.sourceDocumentIds());
        return out;
    }

    private static Map<String, Object> historyItem(Memory m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("memory", m.content());
        out.put("version", m.version());
        out.put("createdAt", DocumentViews.time(m.createdAt()));
        out.put("updatedAt", DocumentViews.time(m.updatedAt()));
        out.put("parentMemoryId", m.parentMemoryId());
        out.put("rootMemoryId", m.rootMemoryId());
        out.put("isLatest", m.isLatest());
        out.put("isForgotten", m.isForgotten());
        return out;
    }

    private static String requiredTag(JsonNode node) {
        String tag = RequestRules.containerTag(RequestReader.string(node, "containerTag", true, 1000),
                "containerTag");
        return tag;
    }

    private static String content(JsonNode node, String field) {
        String content = RequestReader.string(node, field, true, MAX_CONTENT);
        if (content.isBlank()) {
            throw ApiException.badRequest(field + " must not be empty");
        }
        return content;
    }

    private static Instant time(JsonNode node, String field) {
        String text = RequestReader.string(node, field, false, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 date-time, e.g. 2030-01-01T00:00:00Z");
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : DocumentViews.time(instant);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> temporalContext(JsonNode node) {
        JsonNode v = node.get("temporalContext");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw ApiException.badRequest("temporalContext must be an object");
        }
        return json.convertValue(v, Map.class);
    }

    private static List<String> ids(JsonNode node) {
        JsonNode v = node.get("ids");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.isEmpty() || v.size() > 500) {
            throw ApiException.badRequest("ids must be an array of 1-500 memory ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : v) {
            if (!id.isTextual()) {
                throw ApiException.badRequest("ids must be an array of strings");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static List<String> includeParts(JsonNode node) {
        JsonNode v = node.get("include");
        if (v == null || v.isNull()) {
            return List.of("static", "dynamic");
        }
        if (!v.isArray()) {
            throw ApiException.badRequest("include must be an array of static, dynamic, buckets");
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode p : v) {
            if (!p.isTextual() || !List.of("static", "dynamic", "buckets").contains(p.asText())) {
                throw ApiException.badRequest("include must be an array of static, dynamic, buckets");
            }
            parts.add(p.asText());
        }
        return parts;
    }
}
