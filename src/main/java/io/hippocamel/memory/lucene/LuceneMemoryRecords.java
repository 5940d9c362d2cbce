package io.hippocamel.memory.lucene;

import static io.hippocamel.store.lucene.WriteAheadLog.readString;
import static io.hippocamel.store.lucene.WriteAheadLog.writeString;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryIndexKeys;
import io.hippocamel.store.lucene.MetadataFields;
import io.hippocamel.store.lucene.StoredVectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

/**
 * The memories index layout and its log entries. One Lucene document per memory: the whole {@link Memory} (without
 * its vector) as stored JSON, its vector for kNN and as stored bytes, its content for BM25, and indexed copies of
 * what scoping, version chains, forgetting, provenance and metadata filters look at.
 */
final class LuceneMemoryRecords {

    /** Tenant-qualified memory id: what every write replaces by. */
    static final String OWNER = "owner";
    static final String TENANT = "tenant";
    static final String TAG = "containerTag";
    static final String ROOT = "root";
    static final String LATEST = "latest";
    static final String FORGOTTEN = "forgotten";
    static final String STATIC = "static";
    /** When the memory expires ({@link MemoryIndexKeys#expiryKey}). */
    static final String FORGET_AFTER = "forgetAfter";
    static final String CONTENT_HASH = "contentHash";
    static final String SOURCE_DOCUMENT = "sourceDocument";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String ID_SORT = "idSort";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String VECTOR_BYTES = "vectorBytes";
    static final String JSON = "json";
    static final String TRUE = "true";
    static final String FALSE = "false";

    private static final byte PUT = 1;
    private static final byte DELETE_TAG = 2;

    /** One logged write: memories stored (their whole new state), or every memory of a tag deleted. */
    sealed interface Entry permits Put, DeleteTag {
    }

    record Put(List<Memory> memories) implements Entry {
    }

    record DeleteTag(String tenant, String containerTag) implements Entry {
    }

    /** The vector is kept as bytes beside the JSON. */
    @JsonIgnoreProperties({"vector"})
    private interface WithoutVector {
    }

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(Memory.class, WithoutVector.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The term naming one memory. */
    static Term owner(String tenant, String id) {
        return new Term(OWNER, MemoryIndexKeys.owner(tenant, id));
    }

    Document record(Memory m) {
        Document record = new Document();
        record.add(new StringField(OWNER, owner(m.tenant(), m.id()).text(), Field.Store.NO));
        record.add(new StringField(TENANT, m.tenant(), Field.Store.NO));
        record.add(new StringField(TAG, m.containerTag(), Field.Store.NO));
        record.add(new SortedDocValuesField(TAG, new BytesRef(m.containerTag())));
        record.add(new StringField(ROOT, m.rootMemoryId(), Field.Store.NO));
        if (m.isLatest()) {
            record.add(new StringField(LATEST, TRUE, Field.Store.NO));
        }
        if (m.isForgotten()) {
            record.add(new StringField(FORGOTTEN, TRUE, Field.Store.NO));
        }
        record.add(new StringField(STATIC, m.isStatic() ? TRUE : FALSE, Field.Store.NO));
        record.add(new LongPoint(FORGET_AFTER, MemoryIndexKeys.expiryKey(m.forgetAfter())));
        record.add(new StringField(CONTENT_HASH, MemoryIndexKeys.contentHash(m.content()), Field.Store.NO));
        m.sourceDocumentIds().forEach(d -> record.add(new StringField(SOURCE_DOCUMENT, d, Field.Store.NO)));
        record.add(new NumericDocValuesField(CREATED_AT, MemoryIndexKeys.timeKey(m.createdAt())));
        record.add(new NumericDocValuesField(UPDATED_AT, MemoryIndexKeys.timeKey(m.updatedAt())));
        record.add(new SortedDocValuesField(ID_SORT, new BytesRef(m.id())));
        record.add(new TextField(TEXT, m.content(), Field.Store.NO));
        record.add(new KnnFloatVectorField(VECTOR, m.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        record.add(new StoredField(VECTOR_BYTES, StoredVectors.toBytes(m.vector())));
        record.add(new StoredField(JSON, toJson(m)));
        MetadataFields.addTo(record, m.metadata());
        return record;
    }

    Memory toMemory(Document stored) {
        BytesRef vector = stored.getBinaryValue(VECTOR_BYTES);
        return fromJson(stored.get(JSON)).toBuilder().vector(StoredVectors.toFloats(vector)).build();
    }

    byte[] encode(Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (entry instanceof Put put) {
                out.writeByte(PUT);
                out.writeInt(put.memories().size());
                for (Memory m : put.memories()) {
                    writeString(out, toJson(m));
                    out.writeInt(m.vector().length);
                    for (float v : m.vector()) {
                        out.writeFloat(v);
                    }
                }
            } else {
                DeleteTag delete = (DeleteTag) entry;
                out.writeByte(DELETE_TAG);
                writeString(out, delete.tenant());
                writeString(out, delete.containerTag());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    Entry decode(byte[] payload) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte type = in.readByte();
            if (type == PUT) {
                int count = in.readInt();
                List<Memory> memories = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Memory m = fromJson(readString(in));
                    float[] vector = new float[in.readInt()];
                    for (int j = 0; j < vector.length; j++) {
                        vector[j] = in.readFloat();
                    }
                    memories.add(m.toBuilder().vector(vector).build());
                }
                return new Put(memories);
            }
            if (type == DELETE_TAG) {
                return new DeleteTag(readString(in), readString(in));
            }
            throw new IOException("unknown memory log entry type " + type);
        }
    }

    private String toJson(Memory m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("memory " + m.id() + " cannot be written as JSON", e);
        }
    }

    private Memory fromJson(String text) {
        try {
            return json.readValue(text, Memory.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable memory record", e);
        }
    }
}
