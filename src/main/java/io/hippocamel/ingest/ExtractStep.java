package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;

/** Pipeline step 1: loads the queued document and turns its content (text, URL or uploaded file) into text. */
public class ExtractStep {

    private final MemoryStore store;
    private final ContentExtractor extractor;
    private final UrlFetcher fetcher;

    public ExtractStep(MemoryStore store, ContentExtractor extractor, UrlFetcher fetcher) {
        this.store = store;
        this.extractor = extractor;
        this.fetcher = fetcher;
    }

    public StoredDocument extract(IngestJob job) {
        StoredDocument doc = store.getDocument(job.tenant(), job.documentId())
                .filter(d -> d.version() == job.version())
                .orElseThrow(() -> new StaleJobException(job));
        if (!store.updateStatus(job.tenant(), job.documentId(), job.version(), DocumentStatus.EXTRACTING, null)) {
            throw new StaleJobException(job);
        }
        if (doc.fileName() != null) {
            byte[] bytes = store.getBlob(job.tenant(), job.documentId())
                    .orElseThrow(() -> new ExtractionException("the uploaded file is missing"));
            ExtractedContent content = extractor.extract(bytes, doc.fileName(), doc.mimeType());
            return doc.withExtraction(content.text(), content.title(), content.type());
        }
        if (doc.url() != null) {
            UrlFetcher.Fetched fetched = fetcher.fetch(doc.url());
            ExtractedContent content = extractor.extract(fetched.body(), fetched.finalUri().getPath(),
                    fetched.contentType());
            String type = "text".equals(content.type()) ? "webpage" : content.type();
            return doc.withExtraction(content.text(), content.title(), type);
        }
        String text = doc.content() == null ? "" : doc.content().strip();
        if (text.isEmpty()) {
            throw new ExtractionException("the document has no content");
        }
        return doc.withExtraction(text, doc.title(), doc.type());
    }
}
