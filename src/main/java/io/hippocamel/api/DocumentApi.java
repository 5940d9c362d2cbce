package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.DOCUMENT_ID;
import static io.hippocamel.HippocamelConstants.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.core.Chunk;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentPatch;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.ingest.NewDocument;
import io.hippocamel.search.FilterParser;
import io.hippocamel.tenancy.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** Handlers of the /v3/documents endpoints: JSON in, {@link DocumentService} call, Supermemory JSON out. */
public class DocumentApi {

    static final int MAX_BATCH = 600;
    static final int MAX_BULK_IDS = 100;
    static final int MAX_LIST_LIMIT = 1100;

    private final DocumentService documents;
    private final RequestReader reader;
    private final FilterParser filters;
    private final long maxContentChars;

    public DocumentApi(DocumentService documents, RequestReader reader, FilterParser filters,
                       IngestProperties ingest) {
        this.documents = documents;
        this.reader = reader;
        this.filters = filters;
        this.maxContentChars = ingest.getMaxContentSize().toBytes();
    }

    /** POST /v3/documents. */
    public ApiResponse add(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        return ApiResponse.ok(accepted(documents.add(tenant, newDocument(node, null, null))));
    }

    /** POST /v3/documents/batch: per-item results; one bad item does not fail the others. */
    public ApiResponse batch(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        JsonNode items = node.get("documents");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw ApiException.badRequest("documents must be a non-empty array");
        }
        if (items.size() > MAX_BATCH) {
            throw ApiException.badRequest("documents may hold at most " + MAX_BATCH + " items");
        }
        String defaultTag = RequestReader.documentTag(node, null);
        Map<String, Object> defaultMetadata = RequestRules.metadata(node.get("metadata"), false);
        // validate every item first; the valid ones are accepted together (one durable write)
        List<Map<String, Object>> results = new ArrayList<>();
        List<NewDocument> valid = new ArrayList<>();
        List<Integer> validAt = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                valid.add(item.isTextual()
                        ? new NewDocument(checkContent(item.asText()), defaultTag, null,
                                defaultMetadata == null ? Map.of() : defaultMetadata, null)
                        : newDocument(requireObject(item), defaultTag, defaultMetadata));
                validAt.add(results.size());
            } catch (ApiException | InvalidRequestException e) {
                ApiException error = e instanceof ApiException api ? api : ApiException.badRequest(e.getMessage());
                result.put("id", "");
                result.put("status", "error");
                result.put("error", error.getMessage());
                result.put("details", error.details());
            }
            results.add(result);
        }
        List<DocumentService.Accepted> accepted = documents.addAll(tenant, valid);
        for (int i = 0; i < accepted.size(); i++) {
            Map<String, Object> result = results.get(validAt.get(i));
            result.put("id", accepted.get(i).id());
            result.put("status", accepted.get(i).status());
        }
        int success = accepted.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("success", success);
        out.put("failed", results.size() - success);
        return ApiResponse.ok(out);
    }

    /** POST /v3/documents/file (the multipart form was read by {@link MultipartReader}). */
    public ApiResponse upload(@ExchangeProperty(TENANT) String tenant, @Body MultipartForm form) {
        Map<String, String> f = form.fields();
        String tag = RequestRules.containerTag(f.get("containerTag"), "containerTag");
        if (tag == null) {
            tag = reader.containerTagsFromString(f.get("containerTags")).stream().findFirst().orElse(null);
        }
        String customId = RequestRules.customId(f.get("customId"));
        Map<String, Object> metadata = reader.metadataFromString(f.get("metadata"));
        NewDocument doc = new NewDocument(null, tag == null ? RequestRules.DEFAULT_CONTAINER_TAG : tag, customId,
                metadata == null ? Map.of() : metadata, form.file());
        return ApiResponse.ok(accepted(documents.add(tenant, doc)));
    }

    /** GET /v3/documents/{id} (id or customId). */
    public ApiResponse get(@ExchangeProperty(TENANT) String tenant, @Header(DOCUMENT_ID) String id) {
        return ApiResponse.ok(DocumentViews.full(documents.get(tenant, id)));
    }

    /** PATCH /v3/documents/{id}. */
    public ApiResponse update(@ExchangeProperty(TENANT) String tenant, @Header(DOCUMENT_ID) String id,
                              @Body String body) {
        JsonNode node = reader.object(body);
        String content = node.has("content") && !node.get("content").isNull()
                ? RequestReader.content(node, maxContentChars) : null;
        List<String> tags = RequestReader.containerTags(node);
        DocumentPatch patch = new DocumentPatch(content, tags.isEmpty() ? null : tags.get(0),
                RequestReader.customId(node), RequestRules.metadata(node.get("metadata"), true));
        return ApiResponse.ok(accepted(documents.update(tenant, id, patch)));
    }

    /** DELETE /v3/documents/{id}: 204, or 404. */
    public ApiResponse delete(@ExchangeProperty(TENANT) String tenant, @Header(DOCUMENT_ID) String id) {
        documents.delete(tenant, id);
        return ApiResponse.noContent();
    }

    /** DELETE /v3/documents/bulk: by ids (1-100) or by container tags. */
    public ApiResponse deleteBulk(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        JsonNode ids = node.get("ids");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BULK_IDS) {
                throw ApiException.badRequest("ids must be an array of 1-" + MAX_BULK_IDS + " document ids");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode id : ids) {
                if (!id.isTextual()) {
                    throw ApiException.badRequest("ids must be an array of strings");
                }
                list.add(id.asText());
            }
            List<String> missing = documents.deleteByIds(tenant, list);
            out.put("deletedCount", list.size() - missing.size());
            if (!missing.isEmpty()) {
                out.put("errors", missing.stream().map(m -> Map.of("id", m, "error", "Document not found")).toList());
            }
            return ApiResponse.ok(out);
        }
        List<String> tags = RequestReader.containerTags(node);
        if (tags.isEmpty()) {
            throw ApiException.badRequest("either 'ids' or 'containerTags' must be provided");
        }
        out.put("deletedCount", documents.deleteByContainerTags(tenant, tags));
        out.put("containerTags", tags);
        return ApiResponse.ok(out);
    }

    /** POST /v3/documents/list. */
    public ApiResponse list(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        JsonNode node = reader.object(body);
        int limit = RequestRules.integer(node, "limit", 10, 1, MAX_LIST_LIMIT);
        int page = RequestRules.integer(node, "page", 1, 1, 1_000_000);
        MetadataFilter filter = filters.parse(node.get("filters"));
        Page<StoredDocument> result = documents.list(new Scope(tenant, RequestReader.containerTags(node)), filter,
                RequestReader.sort(node), page, limit);
        boolean includeContent = RequestRules.bool(node, "includeContent", false);
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("currentPage", page);
        pagination.put("limit", limit);
        pagination.put("totalItems", result.total());
        pagination.put("totalPages", (result.total() + limit - 1) / limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("memories", result.items().stream().map(d -> DocumentViews.listItem(d, includeContent)).toList());
        out.put("pagination", pagination);
        return ApiResponse.ok(out);
    }

    /** GET /v3/documents/processing. */
    public ApiResponse processing(@ExchangeProperty(TENANT) String tenant) {
        List<StoredDocument> docs = documents.processing(tenant);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documents", docs.stream().map(DocumentViews::processingItem).toList());
        out.put("totalCount", docs.size());
        return ApiResponse.ok(out);
    }

    /** GET /v3/documents/{id}/chunks. */
    public ApiResponse chunks(@ExchangeProperty(TENANT) String tenant, @Header(DOCUMENT_ID) String id) {
        StoredDocument doc = documents.get(tenant, id);
        List<Chunk> chunks = documents.chunks(tenant, doc.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("documentId", doc.id());
        out.put("chunks", chunks.stream().map(c -> DocumentViews.chunk(c, doc)).toList());
        out.put("total", chunks.size());
        return ApiResponse.ok(out);
    }

    private NewDocument newDocument(JsonNode node, String defaultTag, Map<String, Object> defaultMetadata) {
        String content = RequestReader.content(node, maxContentChars);
        String tag = RequestReader.documentTag(node, defaultTag);
        Map<String, Object> metadata = DocumentService.merge(
                defaultMetadata == null ? Map.of() : defaultMetadata,
                RequestRules.metadata(node.get("metadata"), false));
        return new NewDocument(content, tag, RequestReader.customId(node), metadata, null);
    }

    private String checkContent(String content) {
        if (content.isBlank()) {
            throw ApiException.badRequest("content must not be empty");
        }
        if (content.length() > maxContentChars) {
            throw new ApiException(413, "Content too large", "content must be at most " + maxContentChars
                    + " characters");
        }
        return content;
    }

    private static JsonNode requireObject(JsonNode item) {
        if (!item.isObject()) {
            throw ApiException.badRequest("each document must be an object or a string");
        }
        return item;
    }

    private static Map<String, Object> accepted(DocumentService.Accepted accepted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", accepted.id());
        out.put("status", accepted.status());
        return out;
    }
}
