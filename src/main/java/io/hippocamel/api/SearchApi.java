package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.TENANT;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.core.Chunk;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.search.ChunkQuery;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.ScoredChunk;
import io.hippocamel.search.SearchMode;
import io.hippocamel.search.SearchService;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryQuery;
import io.hippocamel.memory.MemoryRelation;
import io.hippocamel.memory.MemorySelection;
import io.hippocamel.memory.MemoryService;
import io.hippocamel.memory.ScoredMemory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;

/**
 * Handlers of POST /v3/search (documents with matching chunks) and POST /v4/search: memories (memories of the scope;
 * chunks while it has none), hybrid (memories first, then chunks) or documents.
 */
public class SearchApi {

    private static final int MAX_QUERY = 10_000;
    /** Chunks fetched per wanted document in /v3/search, since several chunks of one document may rank high. */
    private static final int CHUNKS_PER_DOCUMENT = 4;

    private final SearchService search;
    private final DocumentService documents;
    private final MemoryService memories;
    private final RequestReader reader;
    private final FilterParser filters;

    public SearchApi(SearchService search, DocumentService documents, MemoryService memories, RequestReader reader,
                     FilterParser filters) {
        this.search = search;
        this.documents = documents;
        this.memories = memories;
        this.reader = reader;
        this.filters = filters;
    }

    /** POST /v3/search. */
    public ApiResponse v3(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        long start = System.nanoTime();
        JsonNode node = reader.object(body);
        String q = query(node);
        int limit = RequestRules.integer(node, "limit", 10, 1, 100);
        double threshold = RequestRules.fraction(node, "chunkThreshold", 0);
        String docId = RequestReader.string(node, "docId", false, 255);
        boolean fullDocs = RequestRules.bool(node, "includeFullDocs", false);
        boolean onlyMatching = RequestRules.bool(node, "onlyMatchingChunks", true);
        boolean includeSummary = RequestRules.bool(node, "includeSummary", false);
        Scope scope = new Scope(tenant, RequestReader.containerTags(node));
        MetadataFilter filter = filters.parse(node.get("filters"));
        String documentId = docId == null ? null : documents.find(tenant, docId).map(StoredDocument::id)
                .orElse(docId);

        List<ScoredChunk> hits = search.search(new ChunkQuery(scope, q, filter, documentId,
                limit * CHUNKS_PER_DOCUMENT, threshold, SearchMode.HYBRID));
        Map<String, List<ScoredChunk>> byDocument = new LinkedHashMap<>();
        for (ScoredChunk hit : hits) {
            String id = hit.hit().chunk().documentId();
            if (byDocument.containsKey(id) || byDocument.size() < limit) {
                byDocument.computeIfAbsent(id, k -> new ArrayList<>()).add(hit);
            }
        }
        List<Map<String, Object>> results = new ArrayList<>();
        byDocument.forEach((id, chunks) -> documents.find(tenant, id).ifPresent(doc ->
                results.add(v3Result(doc, chunks, fullDocs, onlyMatching, includeSummary))));
        return ApiResponse.ok(envelope(results, start));
    }

    private Map<String, Object> v3Result(StoredDocument doc, List<ScoredChunk> hits, boolean fullDocs,
                                         boolean onlyMatching, boolean includeSummary) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("documentId", doc.id());
        r.put("title", DocumentViews.title(doc));
        r.put("type", doc.type());
        r.put("score", hits.get(0).similarity());
        r.put("createdAt", DocumentViews.time(doc.createdAt()));
        r.put("updatedAt", DocumentViews.time(doc.updatedAt()));
        r.put("metadata", doc.metadata());
        if (includeSummary) {
            r.put("summary", DocumentViews.summary(doc));
        }
        if (fullDocs) {
            r.put("content", doc.content());
        }
        List<Map<String, Object>> chunks = new ArrayList<>();
        if (onlyMatching) {
            hits.forEach(h -> chunks.add(v3Chunk(h.hit().chunk(), true, h.similarity())));
        } else {
            // matching chunks in document order, each with its neighbours for context
            Map<Integer, Double> matched = new LinkedHashMap<>();
            hits.forEach(h -> matched.put(h.hit().chunk().position(), h.similarity()));
            for (Chunk c : documents.chunks(doc.tenant(), doc.id())) {
                int p = c.position();
                if (matched.containsKey(p)) {
                    chunks.add(v3Chunk(c, true, matched.get(p)));
                } else if (matched.containsKey(p - 1) || matched.containsKey(p + 1)) {
                    chunks.add(v3Chunk(c, false, 0));
                }
            }
        }
        r.put("chunks", chunks);
        return r;
    }

    private static Map<String, Object> v3Chunk(Chunk c, boolean relevant, double score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", c.text());
        m.put("isRelevant", relevant);
        m.put("score", score);
        return m;
    }

    /** POST /v4/search. */
    public ApiResponse v4(@ExchangeProperty(TENANT) String tenant, @Body String body) {
        long start = System.nanoTime();
        JsonNode node = reader.object(body);
        String q = query(node);
        int limit = RequestRules.integer(node, "limit", 10, 1, 100);
        double threshold = RequestRules.fraction(node, "threshold", 0.6);
        String mode = Optional.ofNullable(RequestReader.string(node, "searchMode", false, 20)).orElse("memories")
                .toLowerCase(Locale.ROOT);
        if (!List.of("memories", "hybrid", "documents").contains(mode)) {
            throw ApiException.badRequest("searchMode must be memories, hybrid or documents");
        }
        JsonNode include = RequestReader.object(node, "include");
        boolean withDocuments = RequestRules.bool(include, "documents", "include.documents", false);
        boolean withSummaries = RequestRules.bool(include, "summaries", "include.summaries", false);
        boolean withForgotten = RequestRules.bool(include, "forgottenMemories", "include.forgottenMemories", false);
        boolean withRelated = RequestRules.bool(include, "relatedMemories", "include.relatedMemories", false);
        // rerank, rewriteQuery and aggregate need an LLM: accepted and ignored here
        Scope scope = new Scope(tenant, RequestReader.containerTags(node));
        MetadataFilter filter = filters.parse(node.get("filters"));
        boolean perDocument = mode.equals("documents");

        List<Map<String, Object>> results = new ArrayList<>();
        Set<String> memoryTexts = new HashSet<>();
        // a scope without any memory yet (documents only) answers memories mode with chunks, as before memories
        if (!perDocument && memories.hasMemories(scope)) {
            MemorySelection selection = MemorySelection.latest(scope).withFilter(filter).withForgotten(withForgotten);
            for (ScoredMemory found : memories.search(MemoryQuery.hybrid(selection, q, limit, threshold))) {
                results.add(MemoryApi.searchResult(found, withRelated ? context(scope, found.memory()) : null));
                memoryTexts.add(found.memory().content().strip());
            }
            if (mode.equals("memories") || results.size() >= limit) {
                return ApiResponse.ok(envelope(results, start));
            }
        }
        int chunksWanted = perDocument ? limit * CHUNKS_PER_DOCUMENT : limit;
        List<ScoredChunk> hits = search.search(new ChunkQuery(scope, q, filter, null, chunksWanted, threshold,
                SearchMode.HYBRID));
        List<String> seenDocuments = new ArrayList<>();
        for (ScoredChunk hit : hits) {
            if (results.size() >= limit) {
                break;
            }
            if (memoryTexts.contains(hit.hit().chunk().text().strip())) {
                continue;
            }
            String documentId = hit.hit().chunk().documentId();
            if (perDocument && (seenDocuments.contains(documentId) || seenDocuments.size() >= limit)) {
                continue;
            }
            seenDocuments.add(documentId);
            documents.find(tenant, documentId).ifPresent(doc ->
                    results.add(v4Result(hit, doc, mode, withDocuments, withSummaries)));
        }
        return ApiResponse.ok(envelope(results, start));
    }

    /** Versions before and after a memory in its chain, and the memories it extends or derives from. */
    private Map<String, Object> context(Scope scope, Memory memory) {
        List<Map<String, Object>> parents = new ArrayList<>();
        List<Map<String, Object>> children = new ArrayList<>();
        for (Memory v : memories.versions(scope, memory.rootMemoryId())) {
            int offset = v.version() - memory.version();
            if (offset < 0) {
                parents.add(0, related("updates", offset, v));
            } else if (offset > 0) {
                children.add(related("updates", offset, v));
            }
        }
        List<Map<String, Object>> related = new ArrayList<>();
        List<MemoryRelation> others = memory.relations().stream()
                .filter(r -> r.type() != MemoryRelation.Type.UPDATES).toList();
        if (!others.isEmpty()) {
            Map<String, Memory> byId = new LinkedHashMap<>();
            memories.getAll(scope, others.stream().map(MemoryRelation::memoryId).toList())
                    .forEach(m -> byId.put(m.id(), m));
            others.stream().filter(r -> byId.containsKey(r.memoryId()))
                    .forEach(r -> related.add(related(r.type().wire(), null, byId.get(r.memoryId()))));
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("parents", parents);
        context.put("children", children);
        context.put("related", related);
        return context;
    }

    private static Map<String, Object> related(String relation, Integer version, Memory m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("relation", relation);
        if (version != null) {
            r.put("version", version);
        }
        r.put("memory", m.content());
        r.put("metadata", m.metadata());
        r.put("updatedAt", DocumentViews.time(m.updatedAt()));
        return r;
    }

    private static Map<String, Object> v4Result(ScoredChunk hit, StoredDocument doc, String mode,
                                                boolean withDocuments, boolean withSummaries) {
        Chunk chunk = hit.hit().chunk();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", mode.equals("documents") ? doc.id() : chunk.id());
        // memories mode answers with "memory" (chunks stand in for memories until a memory layer exists)
        r.put(mode.equals("memories") ? "memory" : "chunk", chunk.text());
        r.put("metadata", doc.metadata());
        r.put("updatedAt", DocumentViews.time(doc.updatedAt()));
        r.put("similarity", hit.similarity());
        r.put("documentId", doc.id());
        r.put("containerTag", doc.containerTag());
        if (mode.equals("memories")) {
            r.put("version", 1);
        }
        if (withDocuments) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", doc.id());
            d.put("title", DocumentViews.title(doc));
            d.put("type", doc.type());
            d.put("metadata", doc.metadata());
            if (withSummaries) {
                d.put("summary", DocumentViews.summary(doc));
            }
            d.put("createdAt", DocumentViews.time(doc.createdAt()));
            d.put("updatedAt", DocumentViews.time(doc.updatedAt()));
            r.put("documents", List.of(d));
        }
        return r;
    }

    private static String query(JsonNode node) {
        String q = RequestReader.string(node, "q", true, MAX_QUERY);
        if (q.isBlank()) {
            throw ApiException.badRequest("Query must be at least 1 character long");
        }
        return q;
    }

    private static Map<String, Object> envelope(List<Map<String, Object>> results, long startNanos) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", results);
        out.put("timing", (System.nanoTime() - startNanos) / 1_000_000);
        out.put("total", results.size());
        return out;
    }
}
