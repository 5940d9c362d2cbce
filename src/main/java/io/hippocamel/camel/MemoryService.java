package io.hippocamel.camel;

import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.Page;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.ingest.NewDocument;
import io.hippocamel.search.ChunkQuery;
import io.hippocamel.search.ScoredChunk;
import io.hippocamel.search.SearchMode;
import io.hippocamel.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code memory:} producer does, without Camel: the engine's document and search services called with a
 * tenant and typed, already validated arguments. A container tag given to get or delete restricts them to that
 * tag, so an endpoint bound to one tag cannot touch another tag's documents.
 */
public class MemoryService {

    private final DocumentService documents;
    private final SearchService search;

    public MemoryService(DocumentService documents, SearchService search) {
        this.documents = documents;
        this.search = search;
    }

    public MemoryAddResult add(String tenant, NewDocument doc) {
        DocumentService.Accepted accepted = documents.add(tenant, doc);
        return new MemoryAddResult(accepted.id(), accepted.status());
    }

    /**
     * Chunks matching the query, best first.
     *
     * @param containerTag only this tag, or null for the whole tenant
     * @param filter       metadata filter, or null
     */
    public List<MemorySearchResult> search(String tenant, String containerTag, String query, MetadataFilter filter,
                                           int limit, double threshold, SearchMode mode) {
        List<ScoredChunk> hits = search.search(new ChunkQuery(Scope.of(tenant, containerTag), query, filter, null,
                limit, threshold, mode));
        List<MemorySearchResult> results = new ArrayList<>(hits.size());
        for (ScoredChunk hit : hits) {
            // a document deleted since the search read the index is left out
            documents.find(tenant, hit.hit().chunk().documentId()).ifPresent(doc -> results.add(
                    new MemorySearchResult(doc.id(), doc.customId(), doc.containerTag(), doc.title(),
                            hit.hit().chunk().text(), hit.similarity(), doc.metadata())));
        }
        return results;
    }

    /** The document with this id or customId (in this tag, when one is given). */
    public StoredDocument get(String tenant, String idOrCustomId, String containerTag) {
        return find(tenant, idOrCustomId, containerTag).orElseThrow(() -> notFound(idOrCustomId, containerTag));
    }

    /** Deletes the document and returns it as it was. */
    public StoredDocument delete(String tenant, String idOrCustomId, String containerTag) {
        StoredDocument doc = get(tenant, idOrCustomId, containerTag);
        documents.delete(tenant, doc.id());
        return doc;
    }

    /** One page (from 1) of documents, newest first. */
    public Page<StoredDocument> list(String tenant, String containerTag, MetadataFilter filter, int page, int limit) {
        return documents.list(Scope.of(tenant, containerTag), filter, DocumentSort.NEWEST_FIRST, page, limit);
    }

    private Optional<StoredDocument> find(String tenant, String idOrCustomId, String containerTag) {
        return documents.find(tenant, idOrCustomId)
                .filter(doc -> containerTag == null || containerTag.equals(doc.containerTag()));
    }

    private static NotFoundException notFound(String idOrCustomId, String containerTag) {
        return new NotFoundException("Document '" + idOrCustomId + "'"
                + (containerTag == null ? "" : " in container tag '" + containerTag + "'"));
    }
}
