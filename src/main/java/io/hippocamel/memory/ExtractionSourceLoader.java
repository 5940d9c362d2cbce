package io.hippocamel.memory;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.memory.extract.ExtractionInput;
import io.hippocamel.store.DocumentStore;
import java.util.List;
import java.util.Optional;

/**
 * Extraction step 1: loads the document at its current version and makes the extractor input: the text, or for a
 * conversation its turns with their roles (so provenance names the turn). Null when there is nothing to do: the
 * document is gone or not {@code done} (a later {@code done} queues it again).
 */
public class ExtractionSourceLoader {

    private final DocumentStore documents;
    private final ExtractionStatus status;

    public ExtractionSourceLoader(DocumentStore documents, ExtractionStatus status) {
        this.documents = documents;
        this.status = status;
    }

    public ExtractionSource load(ExtractionJob job) {
        Optional<StoredDocument> found = documents.getDocument(job.tenant(), job.documentId());
        if (found.isEmpty() || found.get().status() != DocumentStatus.DONE) {
            status.skipped(job);
            return null;
        }
        StoredDocument doc = found.get();
        status.running(job, doc.version());
        ExtractionInput input = DocumentTurns.isConversation(doc.customId())
                ? new ExtractionInput(ExtractionInput.Kind.CONVERSATION, "", DocumentTurns.parse(doc.content()),
                        null, doc.metadata(), List.of())
                : new ExtractionInput(ExtractionInput.Kind.DOCUMENT, doc.content(), List.of(), doc.title(),
                        doc.metadata(), List.of());
        return new ExtractionSource(job, doc, input);
    }
}
