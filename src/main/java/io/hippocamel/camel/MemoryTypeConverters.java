package io.hippocamel.camel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.ingest.DocumentEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Converter;
import org.apache.camel.TypeConversionException;
import org.apache.camel.TypeConverters;

/**
 * Turns the bodies {@code memory:} produces into JSON, so that {@code memory:events} (or add/search answers) can go
 * straight to {@code file:}, {@code kafka:}, {@code http:} and other endpoints that want text or bytes.
 */
public class MemoryTypeConverters implements TypeConverters {

    private final ObjectMapper json;

    public MemoryTypeConverters(ObjectMapper json) {
        this.json = json;
    }

    @Converter
    public String eventToString(DocumentEvent event) {
        return write(event);
    }

    @Converter
    public byte[] eventToBytes(DocumentEvent event) {
        return write(event).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public InputStream eventToStream(DocumentEvent event) {
        return new ByteArrayInputStream(eventToBytes(event));
    }

    @Converter
    public String addResultToString(MemoryAddResult result) {
        return write(result);
    }

    @Converter
    public byte[] addResultToBytes(MemoryAddResult result) {
        return write(result).getBytes(StandardCharsets.UTF_8);
    }

    @Converter
    public String searchResultToString(MemorySearchResult result) {
        return write(result);
    }

    @Converter
    public byte[] searchResultToBytes(MemorySearchResult result) {
        return write(result).getBytes(StandardCharsets.UTF_8);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TypeConversionException(value, String.class, e);
        }
    }
}
