package io.hippocamel.store.lucene;

import io.hippocamel.core.Ids;
import io.hippocamel.core.TimeKeys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hippocamel.core.Chunk;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StateRecord;
import io.hippocamel.core.StoredDocument;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The index layout: how a document and its chunks become Lucene records and back.
 *
 * <p>One index holds two kinds of records. A <b>document record</b> keeps the whole {@link StoredDocument} as stored
 * JSON plus indexed copies of what lookups, listings and filters need. A <b>chunk record</b> keeps one {@link Chunk}
 * (text for BM25, vector for kNN, a stored copy of the vector to return it) plus copies of its document's tenant,
 * container tag and metadata for filtering, and a {@code searchable} flag set while the document is {@code done}.
 * A document and its chunks share one {@link #owner} term and are always written together as one block, which is
 * what keeps the copies in step.
 */
final class LuceneRecords {

    static final String KIND = "kind";
    static final String DOCUMENT = "document";
    static final String CHUNK = "chunk";
    /** Tenant-qualified document id, on the document record and on each of its chunks. */
    static final String OWNER = "owner";
    static final String TENANT = "tenant";
    static final String CONTAINER_TAG = "containerTag";
    static final String CUSTOM_ID = "customId";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** Sort tie-breaker, so listings with equal timestamps have a stable order across pages. */
    static final String ID_SORT = "idSort";
    static final String JSON = "json";
    /** Present ("true") on chunks of a document whose status is done: search filters on it. */
    static final String SEARCHABLE = "searchable";
    static final String CHUNK_ID = "chunkId";
    static final String DOCUMENT_ID = "documentId";
    static final String POSITION = "position";
    static final String TEXT = "text";
    static final String CONTEXT = "context";
    static final String VECTOR = "vector";
    static final String VECTOR_BYTES = "vectorBytes";
    /** Coordination records ({@link StateRecord}): a third kind, outside every tenant and never searched. */
    static final String STATE = "state";
    static final String STATE_KEY = "stateKey";
    static final String STATE_VALUE = "stateValue";
    static final String STATE_VERSION = "stateVersion";

    private static final String TRUE = "true";

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The term naming a document and all its chunks. The tenant's length goes first so that no (tenant, id) pair can
     * spell another pair's key, whatever characters they contain.
     */
    static Term owner(String tenant, String documentId) {
        return new Term(OWNER, Ids.ownerKey(tenant, documentId));
    }

    /** The term naming one coordination record; only state records carry this field. */
    static Term stateKey(String key) {
        return new Term(STATE_KEY, key);
    }

    static Document stateRecord(StateRecord state) {
        Document record = new Document();
        record.add(new StringField(KIND, STATE, Field.Store.NO));
        record.add(new StringField(STATE_KEY, state.key(), Field.Store.YES));
        record.add(new StoredField(STATE_VALUE, state.value()));
        record.add(new StoredField(STATE_VERSION, state.version()));
        return record;
    }

    static StateRecord toState(Document stored) {
        return new StateRecord(stored.get(STATE_KEY), stored.get(STATE_VALUE),
                stored.getField(STATE_VERSION).numericValue().longValue());
    }

    static Term kind(String kind) {
        return new Term(KIND, kind);
    }

    static Term searchable() {
        return new Term(SEARCHABLE, TRUE);
    }

    /** The document record followed by its chunk records, the unit every document write replaces. */
    List<Document> block(StoredDocument document, List<Chunk> chunks) {
        List<Document> block = new ArrayList<>(chunks.size() + 1);
        block.add(documentRecord(document));
        boolean searchable = document.status() == DocumentStatus.DONE;
        chunks.forEach(chunk -> block.add(chunkRecord(document, chunk, searchable)));
        return block;
    }

    private Document documentRecord(StoredDocument d) {
        Document record = new Document();
        addCommon(record, DOCUMENT, d);
        if (d.customId() != null) {
            record.add(new StringField(CUSTOM_ID, d.customId(), Field.Store.NO));
        }
        if (d.status() != null) {
            record.add(new StringField(STATUS, d.status().wire(), Field.Store.NO));
        }
        record.add(new NumericDocValuesField(CREATED_AT, sortKey(d.createdAt())));
        record.add(new NumericDocValuesField(UPDATED_AT, sortKey(d.updatedAt())));
        record.add(new SortedDocValuesField(ID_SORT, new BytesRef(d.id())));
        record.add(new StoredField(JSON, toJson(d)));
        return record;
    }

    private Document chunkRecord(StoredDocument d, Chunk chunk, boolean searchable) {
        Document record = new Document();
        addCommon(record, CHUNK, d);
        if (searchable) {
            record.add(new StringField(SEARCHABLE, TRUE, Field.Store.NO));
        }
        record.add(new StoredField(CHUNK_ID, chunk.id()));
        record.add(new StoredField(DOCUMENT_ID, chunk.documentId()));
        record.add(new StoredField(POSITION, chunk.position()));
        record.add(new TextField(TEXT, chunk.text() == null ? "" : chunk.text(), Field.Store.YES));
        if (chunk.context() != null && !chunk.context().isBlank()) {
            // a second value of the BM25 field (matched with the text, never returned as it), kept for rewrites
            record.add(new TextField(TEXT, chunk.context(), Field.Store.NO));
            record.add(new StoredField(CONTEXT, chunk.context()));
        }
        record.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        record.add(new StoredField(VECTOR_BYTES, StoredVectors.toBytes(chunk.vector())));
        return record;
    }

    /** Fields both kinds carry: what scoping, ownership and metadata filters look at. */
    private static void addCommon(Document record, String kind, StoredDocument d) {
        record.add(new StringField(KIND, kind, Field.Store.NO));
        record.add(new StringField(OWNER, owner(d.tenant(), d.id()).text(), Field.Store.NO));
        record.add(new StringField(TENANT, d.tenant(), Field.Store.NO));
        if (d.containerTag() != null) {
            // stored for chunk hits, which report their document's container tag
            record.add(new StringField(CONTAINER_TAG, d.containerTag(), Field.Store.YES));
        }
        MetadataFields.addTo(record, d.metadata());
    }

    StoredDocument toDocument(Document stored) {
        return fromJson(stored.get(JSON));
    }

    StoredDocument fromJson(String text) {
        try {
            return json.readValue(text, StoredDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable document record", e);
        }
    }

    static Chunk toChunk(Document stored) {
        return new Chunk(stored.get(CHUNK_ID), stored.get(DOCUMENT_ID),
                stored.getField(POSITION).numericValue().intValue(), stored.get(TEXT),
                StoredVectors.toFloats(stored.getBinaryValue(VECTOR_BYTES)), stored.get(CONTEXT));
    }

    static String containerTag(Document storedChunk) {
        return storedChunk.get(CONTAINER_TAG);
    }

    String toJson(StoredDocument d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document " + d.id() + " cannot be written as JSON", e);
        }
    }

    static long sortKey(Instant at) {
        return TimeKeys.nanos(at);
    }
}
