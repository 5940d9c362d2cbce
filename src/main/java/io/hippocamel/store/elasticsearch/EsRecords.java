package io.hippocamel.store.elasticsearch;

import io.hippocamel.core.Ids;
import io.hippocamel.core.TimeKeys;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hippocamel.core.Chunk;
import io.hippocamel.core.StoredDocument;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The index layout: how a document and its chunks become one Elasticsearch document and back. The whole
 * {@link StoredDocument} is kept as JSON text ({@code json}, not indexed) next to indexed copies of what lookups,
 * listings and filters need; chunks are nested objects (text as analysed terms for BM25, vector for kNN, the chunk
 * itself in a non-indexed {@code data} object), so a document and its chunks are always written together.
 */
final class EsRecords {

    static final String TENANT = "tenant";
    static final String DOC_ID = "doc_id";
    static final String CONTAINER_TAG = "container_tag";
    static final String CUSTOM_ID = "custom_id";
    static final String STATUS = "status";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String CHUNK_TOTAL = "chunk_total";
    static final String JSON = "json";
    static final String CHUNKS = "chunks";
    static final String CHUNK_TERMS = CHUNKS + ".terms";
    static final String CHUNK_VECTOR = CHUNKS + ".vector";

    /** Plain JSON of StoredDocument, the same shape the Lucene store keeps. */
    private static final RecordJson<StoredDocument> DOCUMENT_JSON =
            new RecordJson<>(StoredDocument.class, "document", null);

    private EsRecords() {
    }

    /** One Elasticsearch document: a Hippocamel document with its chunks. Unrequested fields come back null. */
    record DocumentSource(
            @JsonProperty(TENANT) String tenant,
            @JsonProperty(DOC_ID) String docId,
            @JsonProperty(CONTAINER_TAG) String containerTag,
            @JsonProperty(CUSTOM_ID) String customId,
            @JsonProperty(STATUS) String status,
            @JsonProperty(CREATED_AT) Long createdAt,
            @JsonProperty(UPDATED_AT) Long updatedAt,
            @JsonProperty(EsMetadataTerms.EXACT) List<String> metadataExact,
            @JsonProperty(EsMetadataTerms.FOLDED) List<String> metadataFolded,
            @JsonProperty(EsMetadataTerms.LOWER) List<String> metadataLower,
            @JsonProperty(EsMetadataTerms.NUMBER) List<String> metadataNumbers,
            @JsonProperty(CHUNK_TOTAL) Integer chunkTotal,
            @JsonProperty(JSON) String json,
            @JsonProperty(CHUNKS) List<ChunkSource> chunks) {

        static DocumentSource of(StoredDocument d, List<ChunkSource> chunks) {
            Map<String, List<String>> metadata = EsMetadataTerms.of(d.metadata());
            List<ChunkSource> ordered = chunks.stream()
                    .sorted(Comparator.comparingInt(c -> c.data().position())).toList();
            return new DocumentSource(d.tenant(), d.id(), d.containerTag(), d.customId(),
                    d.status() == null ? null : d.status().wire(), sortKey(d.createdAt()), sortKey(d.updatedAt()),
                    metadata.get(EsMetadataTerms.EXACT), metadata.get(EsMetadataTerms.FOLDED),
                    metadata.get(EsMetadataTerms.LOWER), metadata.get(EsMetadataTerms.NUMBER), ordered.size(),
                    toJson(d), ordered);
        }

        StoredDocument document() {
            return fromJson(json);
        }

        List<ChunkSource> chunkList() {
            return chunks == null ? List.of() : chunks;
        }
    }

    /** A nested chunk: BM25 terms, the vector, and the chunk as given. */
    record ChunkSource(
            @JsonProperty("data") ChunkData data,
            @JsonProperty("terms") String terms,
            @JsonProperty("vector") float[] vector) {

        static ChunkSource of(Chunk chunk) {
            // the context is matched with the text (one BM25 field, as on Lucene) but returned apart from it
            String matched = chunk.context() == null ? chunk.text() : chunk.text() + "\n" + chunk.context();
            return new ChunkSource(new ChunkData(chunk.id(), chunk.documentId(), chunk.position(), chunk.text(),
                    chunk.context()), EsText.indexTerms(matched), chunk.vector());
        }

        Chunk chunk() {
            return new Chunk(data.id(), data.documentId(), data.position(), data.text(), vector, data.context());
        }
    }

    record ChunkData(
            @JsonProperty("id") String id,
            @JsonProperty("document_id") String documentId,
            @JsonProperty("position") int position,
            @JsonProperty("text") String text,
            @JsonProperty("context") String context) {
    }

    /** A blob: the bytes of an uploaded file (base64 in JSON). */
    record BlobSource(@JsonProperty(TENANT) String tenant, @JsonProperty("content") byte[] content) {
    }

    /** A coordination record (see {@code MemoryStore#getState}). */
    record StateSource(@JsonProperty("key") String key, @JsonProperty("value") String value,
                       @JsonProperty("version") long version) {
    }

    /**
     * The Elasticsearch id of a document (and of its blob). The tenant's length goes first so that no (tenant, id)
     * pair can spell another pair's id, whatever characters they contain.
     */
    static String owner(String tenant, String documentId) {
        return Ids.ownerKey(tenant, documentId);
    }

    static long sortKey(Instant at) {
        return TimeKeys.nanos(at);
    }

    static String toJson(StoredDocument d) {
        return DOCUMENT_JSON.write(d, d.id());
    }

    static StoredDocument fromJson(String text) {
        return DOCUMENT_JSON.read(text);
    }
}
