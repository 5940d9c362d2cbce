package io.hippocamel;

import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.Scope;
import io.hippocamel.ingest.DocumentEvent;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemorySelection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Forgets the memories that only a deleted document supported, whatever deleted it (the document API, a bulk
 * delete, a connector, a container-tag delete): it listens to every {@code DELETED} document event. It sits in the
 * composition root because the memory part and the ingest part must not import each other.
 */
public class DocumentMemoryCleanup implements Consumer<DocumentEvent> {

    /** Memories of a deleted tag read to find their documents; beyond it the Elasticsearch result window ends. */
    static final int MAX_TAG_MEMORIES = 10_000;
    private static final int PAGE = 500;

    private final MemoryFactStore memories;
    private final DocumentService documents;

    public DocumentMemoryCleanup(MemoryFactStore memories, DocumentService documents) {
        this.memories = memories;
        this.documents = documents;
    }

    @Override
    public void accept(DocumentEvent event) {
        if (event.type() != DocumentEvent.Type.DELETED) {
            return;
        }
        if (event.documentId() != null) {
            memories.removeDocumentSource(event.tenant(), event.documentId());
            return;
        }
        // a whole tag's documents went at once: the event names the tag, so look for its memories' documents
        for (String documentId : sourcesOfTag(event.tenant(), event.containerTag())) {
            if (documents.find(event.tenant(), documentId).isEmpty()) {
                memories.removeDocumentSource(event.tenant(), documentId);
            }
        }
    }

    private Set<String> sourcesOfTag(String tenant, String tag) {
        Set<String> ids = new LinkedHashSet<>();
        MemorySelection selection = MemorySelection.latest(Scope.of(tenant, tag));
        for (int offset = 0; offset < MAX_TAG_MEMORIES; offset += PAGE) {
            List<Memory> page = memories.list(selection, DocumentSort.NEWEST_FIRST, offset, PAGE).items();
            page.forEach(m -> ids.addAll(m.sourceDocumentIds()));
            if (page.size() < PAGE) {
                break;
            }
        }
        return ids;
    }
}
