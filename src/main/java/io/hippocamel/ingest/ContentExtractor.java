package io.hippocamel.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/** Turns file bytes (PDF, Office, HTML, Markdown, text, CSV...) into plain text with Apache Tika. */
public class ContentExtractor {

    /** Characters kept from one file: beyond this the text is truncated, not failed. */
    private static final int MAX_CHARS = 20_000_000;

    private final AutoDetectParser parser = new AutoDetectParser();

    /**
     * Extracts text.
     *
     * @param fileName name of the file (helps type detection), may be null
     * @param mimeType declared media type (a hint), may be null
     * @throws ExtractionException when the bytes cannot be parsed or hold no text
     */
    public ExtractedContent extract(byte[] bytes, String fileName, String mimeType) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        if (mimeType != null && !mimeType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, mimeType);
        }
        BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw new ExtractionException("could not parse the file: " + e.getMessage(), e);
            }
        } catch (IOException | TikaException | RuntimeException e) {
            throw new ExtractionException("could not parse the file: " + rootMessage(e), e);
        }
        String text = normalise(handler.toString());
        if (text.isBlank()) {
            throw new ExtractionException("no text could be extracted from the file ("
                    + metadata.get(Metadata.CONTENT_TYPE) + ")");
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new ExtractedContent(text, title == null || title.isBlank() ? null : title.strip(),
                typeOf(metadata.get(Metadata.CONTENT_TYPE)));
    }

    static String typeOf(String contentType) {
        if (contentType == null) {
            return "text";
        }
        if (contentType.startsWith("application/pdf")) {
            return "pdf";
        }
        if (contentType.startsWith("text/html") || contentType.startsWith("application/xhtml")) {
            return "webpage";
        }
        if (contentType.startsWith("image/")) {
            return "image";
        }
        if (contentType.startsWith("video/")) {
            return "video";
        }
        if (contentType.startsWith("audio/")) {
            return "audio";
        }
        return "text";
    }

    /** Collapses runs of blank lines and trailing spaces that Tika leaves behind. */
    static String normalise(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("[ \\t\\x0B\\f]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
