package io.hippocamel.ingest;

/**
 * Text extracted from a file or web page.
 *
 * @param text  plain text, whitespace-normalised
 * @param title title found in the source, or null
 * @param type  Supermemory document type (text, pdf, webpage, image, ...)
 */
public record ExtractedContent(String text, String title, String type) {
}
