package io.hippocamel.store.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The JSON text both Elasticsearch stores keep of a whole record ({@code json}, not indexed): ISO dates, unknown
 * properties ignored so older records still read.
 *
 * @param <T> the record type
 */
public final class RecordJson<T> {

    private final Class<T> type;
    private final String kind;
    private final ObjectMapper json;

    /** JSON of {@code type}, named {@code kind} in errors; {@code mixIn} (or null) adjusts it (leaves a field out). */
    public RecordJson(Class<T> type, String kind, Class<?> mixIn) {
        this.type = type;
        this.kind = kind;
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (mixIn != null) {
            builder.addMixIn(type, mixIn);
        }
        this.json = builder.build();
    }

    /** The JSON text of a record; {@code id} names it when it cannot be written. */
    public String write(T value, String id) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(kind + " " + id + " cannot be written as JSON", e);
        }
    }

    public T read(String text) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable " + kind + " record", e);
        }
    }
}
