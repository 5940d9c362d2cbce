package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The four indices of one store and their mappings, created at start-up when missing (idempotent, and safe when
 * several servers start at once): {@code <prefix>-documents} (documents with nested chunks), {@code <prefix>-blobs}
 * (uploaded files), {@code <prefix>-state} (coordination records) and {@code <prefix>-batches} (the batch journal,
 * {@link EsBatchJournal}).
 *
 * @param prefix   index name prefix, so several pools can share a cluster
 * @param shards   primary shards of the documents index (BM25 statistics are per shard: one keeps them exact)
 * @param replicas replicas of every index
 */
public record EsIndices(String prefix, int shards, int replicas) {

    /** Nested chunks per document: far above Elasticsearch's default of 10,000, so long books fit. */
    static final int MAX_CHUNKS_PER_DOCUMENT = 200_000;
    /** Deepest page a listing (offset + limit) may reach. */
    public static final int MAX_RESULT_WINDOW = 100_000;
    /** Most chunks one search returns. */
    public static final int MAX_HITS = 1_000;

    /** The mapping of analysed text ({@link EsText} terms) scored by BM25. */
    public static final String TERMS_MAPPING = "{\"type\": \"text\", \"analyzer\": \"whitespace\", \"norms\": true}";

    public EsIndices {
        if (prefix == null || prefix.isBlank() || !prefix.equals(prefix.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("index prefix must be non-blank lower case: " + prefix);
        }
    }

    String documents() {
        return prefix + "-documents";
    }

    String blobs() {
        return prefix + "-blobs";
    }

    String state() {
        return prefix + "-state";
    }

    String batches() {
        return prefix + "-batches";
    }

    /** Creates what is missing; fails when the documents index holds vectors of another length. */
    void ensure(ElasticsearchClient client, int dimension) {
        create(client, documents(), settings(shards, """
                "max_result_window": %d, "max_inner_result_window": %d,
                "mapping": {"nested_objects": {"limit": %d}}""".formatted(MAX_RESULT_WINDOW, MAX_HITS,
                MAX_CHUNKS_PER_DOCUMENT)), """
                {"dynamic": "strict", "properties": {
                  "tenant": {"type": "keyword"},
                  "doc_id": {"type": "keyword"},
                  "container_tag": {"type": "keyword"},
                  "custom_id": {"type": "keyword"},
                  "status": {"type": "keyword"},
                  "created_at": {"type": "long"},
                  "updated_at": {"type": "long"},
                  %s,
                  "chunk_total": {"type": "integer"},
                  "json": {"type": "text", "index": false},
                  "chunks": {"type": "nested", "properties": {
                    "data": {"type": "object", "enabled": false},
                    "terms": %s,
                    "vector": %s
                  }}
                }}""".formatted(EsMetadataTerms.MAPPINGS, TERMS_MAPPING, vectorMapping(dimension)));
        create(client, blobs(), settings(1, ""), """
                {"dynamic": "strict", "properties": {
                  "tenant": {"type": "keyword"},
                  "content": {"type": "binary"}
                }}""");
        create(client, state(), settings(1, ""), """
                {"dynamic": "strict", "properties": {
                  "key": {"type": "keyword"},
                  "value": {"type": "text", "index": false},
                  "version": {"type": "long"}
                }}""");
        create(client, batches(), settings(1, ""), """
                {"dynamic": "strict", "properties": {
                  "batch": {"type": "keyword"},
                  "head": {"type": "boolean"},
                  "writer": {"type": "keyword"},
                  "expires_at": {"type": "long"},
                  "parts": {"type": "keyword"},
                  "documents": {"type": "text", "index": false}
                }}""");
        checkDimension(client, dimension);
    }

    /**
     * Creates the index {@code <prefix>-<suffix>} with these mappings when missing (idempotent, safe when several
     * servers start at once), on the store's shards and replicas and with the documents index's result window;
     * returns its name. For indices other parts keep in the same cluster (memories).
     */
    public String ensure(ElasticsearchClient client, String suffix, String mappings) {
        String index = prefix + "-" + suffix;
        create(client, index, settings(shards, "\"max_result_window\": " + MAX_RESULT_WINDOW), mappings);
        return index;
    }

    /** The mapping of a vector field: HNSW with cosine similarity. */
    public static String vectorMapping(int dimension) {
        return "{\"type\": \"dense_vector\", \"dims\": " + dimension
                + ", \"index\": true, \"similarity\": \"cosine\", \"index_options\": {\"type\": \"hnsw\"}}";
    }

    private String settings(int primaries, String extra) {
        return "\"number_of_shards\": " + primaries + ", \"number_of_replicas\": " + replicas
                + (extra.isBlank() ? "" : ", " + extra);
    }

    private static void create(ElasticsearchClient client, String index, String settings, String mappings) {
        String body = "{\"settings\": {\"index\": {" + settings + "}}, \"mappings\": " + mappings + "}";
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
        } catch (ElasticsearchException e) {
            // another server created it between our check and our create
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index " + index, e);
        }
    }

    private void checkDimension(ElasticsearchClient client, int dimension) {
        try {
            GetMappingResponse mapping = client.indices().getMapping(m -> m.index(documents()));
            mapping.result().values().forEach(index -> {
                Property chunks = index.mappings().properties().get(EsRecords.CHUNKS);
                Integer dims = chunks.nested().properties().get("vector").denseVector().dims();
                if (dims != null && dims != dimension) {
                    throw new IllegalStateException("index " + documents() + " holds vectors of " + dims
                            + " dimensions but the embedder makes " + dimension
                            + ": use another hippocamel.store.elasticsearch.index-prefix");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping of " + documents(), e);
        }
    }
}
