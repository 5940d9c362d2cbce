package io.hippocamel.memory.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryIndexKeys;
import io.hippocamel.store.elasticsearch.EsIndices;
import io.hippocamel.store.elasticsearch.EsMetadataTerms;
import io.hippocamel.store.elasticsearch.EsText;
import io.hippocamel.store.elasticsearch.RecordJson;
import java.util.List;
import java.util.Map;

/**
 * The memories index layout: one Elasticsearch document per memory, id {@link MemoryIndexKeys#owner}. The whole
 * {@link Memory} (without its vector) is kept as JSON text ({@code json}, not indexed) next to its vector, its content
 * as analysed terms for BM25 ({@link EsText}, as chunks), and indexed copies of what scoping, version chains,
 * forgetting, provenance and metadata filters look at.
 */
final class EsMemoryRecords {

    static final String TENANT = "tenant";
    static final String MEMORY_ID = "memory_id";
    static final String TAG = "container_tag";
    static final String ROOT = "root_id";
    static final String LATEST = "is_latest";
    static final String FORGOTTEN = "is_forgotten";
    static final String STATIC = "is_static";
    static final String FORGET_AFTER = "forget_after";
    static final String CONTENT_HASH = "content_hash";
    static final String SOURCE_DOCUMENTS = "source_docs";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String TERMS = "terms";
    static final String VECTOR = "vector";
    static final String JSON = "json";

    /** The index mapping of memories with vectors of this length. */
    static String mappings(int dimension) {
        return """
            {"dynamic": "strict", "properties": {
              "tenant": {"type": "keyword"},
              "memory_id": {"type": "keyword"},
              "container_tag": {"type": "keyword"},
              "root_id": {"type": "keyword"},
              "is_latest": {"type": "boolean"},
              "is_forgotten": {"type": "boolean"},
              "is_static": {"type": "boolean"},
              "forget_after": {"type": "long"},
              "content_hash": {"type": "keyword"},
              "source_docs": {"type": "keyword"},
              "created_at": {"type": "long"},
              "updated_at": {"type": "long"},
              %s,
              "terms": %s,
              "vector": %s,
              "json": {"type": "text", "index": false}
            }}""".formatted(EsMetadataTerms.MAPPINGS, EsIndices.TERMS_MAPPING, EsIndices.vectorMapping(dimension));
    }

    /** The vector is its own field. */
    @JsonIgnoreProperties({"vector"})
    private interface WithoutVector {
    }

    private static final RecordJson<Memory> MEMORY_JSON = new RecordJson<>(Memory.class, "memory", WithoutVector.class);

    private EsMemoryRecords() {
    }

    /** One Elasticsearch document. Fields a read did not ask for come back null. */
    record Source(
            @JsonProperty(TENANT) String tenant,
            @JsonProperty(MEMORY_ID) String memoryId,
            @JsonProperty(TAG) String containerTag,
            @JsonProperty(ROOT) String rootId,
            @JsonProperty(LATEST) Boolean latest,
            @JsonProperty(FORGOTTEN) Boolean forgotten,
            @JsonProperty(STATIC) Boolean isStatic,
            @JsonProperty(FORGET_AFTER) Long forgetAfter,
            @JsonProperty(CONTENT_HASH) String contentHash,
            @JsonProperty(SOURCE_DOCUMENTS) List<String> sourceDocuments,
            @JsonProperty(CREATED_AT) Long createdAt,
            @JsonProperty(UPDATED_AT) Long updatedAt,
            @JsonProperty(EsMetadataTerms.EXACT) List<String> metadataExact,
            @JsonProperty(EsMetadataTerms.FOLDED) List<String> metadataFolded,
            @JsonProperty(EsMetadataTerms.LOWER) List<String> metadataLower,
            @JsonProperty(EsMetadataTerms.NUMBER) List<String> metadataNumbers,
            @JsonProperty(TERMS) String terms,
            @JsonProperty(VECTOR) float[] vector,
            @JsonProperty(JSON) String json) {

        static Source of(Memory m) {
            Map<String, List<String>> metadata = EsMetadataTerms.of(m.metadata());
            return new Source(m.tenant(), m.id(), m.containerTag(), m.rootMemoryId(), m.isLatest(), m.isForgotten(),
                    m.isStatic(), MemoryIndexKeys.expiryKey(m.forgetAfter()), MemoryIndexKeys.contentHash(m.content()),
                    m.sourceDocumentIds(), MemoryIndexKeys.timeKey(m.createdAt()),
                    MemoryIndexKeys.timeKey(m.updatedAt()), metadata.get(EsMetadataTerms.EXACT),
                    metadata.get(EsMetadataTerms.FOLDED), metadata.get(EsMetadataTerms.LOWER),
                    metadata.get(EsMetadataTerms.NUMBER), EsText.indexTerms(m.content()), m.vector(), toJson(m));
        }

        Memory memory() {
            return fromJson(json).toBuilder().vector(vector).build();
        }
    }

    static String toJson(Memory m) {
        return MEMORY_JSON.write(m, m.id());
    }

    static Memory fromJson(String text) {
        return MEMORY_JSON.read(text);
    }
}
