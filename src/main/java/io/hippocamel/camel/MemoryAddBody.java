package io.hippocamel.camel;

import io.hippocamel.ingest.NewDocument;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.component.file.GenericFile;

/**
 * What {@code memory:add} stores, read from the message body: text (String) becomes a text or URL document as in
 * {@code POST /v3/documents}; bytes, streams and files become an uploaded file that the pipeline parses with Tika,
 * as in {@code POST /v3/documents/file}; a Map carries {@code content} and optional {@code metadata}.
 *
 * @param text     text content or URL, or null for a file
 * @param file     the file to parse, or null for text
 * @param metadata metadata carried by a Map body, or null
 */
record MemoryAddBody(String text, NewDocument.FileUpload file, Map<String, Object> metadata) {

    private static final Set<String> MAP_KEYS = Set.of("content", "metadata");
    private static final String DEFAULT_FILE_NAME = "upload";

    /**
     * Reads the body.
     *
     * @param fileName the name for byte[] and stream bodies (files and GenericFiles bring their own), or null
     */
    static MemoryAddBody read(Exchange exchange, String fileName, MemoryRequestValidator validator) {
        Object body = exchange.getMessage().getBody();
        String name = fileName == null ? DEFAULT_FILE_NAME : fileName;
        if (body == null) {
            throw new InvalidMemoryRequestException("memory:add needs a message body: text, bytes, a file or a Map"
                    + " with content");
        }
        if (body instanceof CharSequence text) {
            return new MemoryAddBody(validator.content(text.toString(), "the message body"), null, null);
        }
        if (body instanceof Map<?, ?> map) {
            return fromMap(map, validator);
        }
        if (body instanceof GenericFile<?> file) {
            validator.fileSize(file.getFileLength(), "the file " + file.getFileNameOnly());
            return file(convert(exchange, file), file.getFileNameOnly(), validator);
        }
        if (body instanceof File file) {
            return fromPath(file.toPath(), validator);
        }
        if (body instanceof Path path) {
            return fromPath(path, validator);
        }
        if (body instanceof byte[] bytes) {
            return file(bytes, name, validator);
        }
        if (body instanceof InputStream in) {
            return file(readBounded(in, validator), name, validator);
        }
        throw new InvalidMemoryRequestException("memory:add cannot store a body of type " + body.getClass().getName()
                + ": send a String, byte[], InputStream, File, a file: consumer's file or a Map with content and"
                + " metadata");
    }

    private static MemoryAddBody fromMap(Map<?, ?> map, MemoryRequestValidator validator) {
        for (Object key : map.keySet()) {
            if (!MAP_KEYS.contains(String.valueOf(key))) {
                throw new InvalidMemoryRequestException("memory:add body key '" + key + "' is not known: a Map body"
                        + " holds content and, optionally, metadata");
            }
        }
        if (!(map.get("content") instanceof String content)) {
            throw new InvalidMemoryRequestException("memory:add body key 'content' must be a string");
        }
        return new MemoryAddBody(validator.content(content, "body content"), null,
                validator.metadata(map.get("metadata"), "body metadata"));
    }

    private static MemoryAddBody fromPath(Path path, MemoryRequestValidator validator) {
        try {
            validator.fileSize(Files.size(path), "the file " + path.getFileName());
            return file(Files.readAllBytes(path), path.getFileName().toString(), validator);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static MemoryAddBody file(byte[] bytes, String fileName, MemoryRequestValidator validator) {
        if (bytes.length == 0) {
            throw new InvalidMemoryRequestException("the file " + fileName + " is empty");
        }
        validator.fileSize(bytes.length, "the file " + fileName);
        // no declared type: Tika detects it from the bytes and the name, as for an upload without one
        return new MemoryAddBody(null, new NewDocument.FileUpload(bytes, fileName, null), null);
    }

    private static byte[] readBounded(InputStream in, MemoryRequestValidator validator) {
        try (in) {
            long max = validator.maxFileBytes();
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            validator.fileSize(bytes.length, "the message body");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message body", e);
        }
    }

    private static byte[] convert(Exchange exchange, GenericFile<?> file) {
        try {
            return exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, file);
        } catch (NoTypeConversionAvailableException e) {
            throw new InvalidMemoryRequestException("cannot read the file " + file.getFileNameOnly() + ": "
                    + e.getMessage());
        }
    }
}
