package io.hippocamel.ingest;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Pipeline step 4: writes the chunks and marks the document done, in one durable store operation. */
public class IndexStep {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStep.class);

    private final MemoryStore store;
    private final Clock clock;
    private final DocumentEvents events;
    private final IngestSummary summary;

    public IndexStep(MemoryStore store, Clock clock, DocumentEvents events, IngestSummary summary) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.summary = summary;
    }

    public StoredDocument index(EmbeddedDocument embedded) {
        StoredDocument doc = embedded.document();
        IngestJob job = new IngestJob(doc.tenant(), doc.id(), doc.version());
        if (!store.updateStatus(doc.tenant(), doc.id(), doc.version(), DocumentStatus.INDEXING, null)) {
            throw new StaleJobException(job);
        }
        List<Chunk> chunks = new ArrayList<>(embedded.chunks().size());
        for (int i = 0; i < embedded.chunks().size(); i++) {
            chunks.add(new Chunk(Chunk.idFor(doc.id(), i), doc.id(), i, embedded.chunks().get(i),
                    embedded.vectors().get(i), embedded.contexts().get(i).indexed()));
        }
        StoredDocument done = doc.withChunkCount(chunks.size()).withStatus(DocumentStatus.DONE, null, clock.instant());
        if (!store.completeDocument(done, chunks)) {
            throw new StaleJobException(job);
        }
        summary.documentDone();
        LOG.debug("document {} done: tag {}, {} chunk(s), {} ms since queued", done.id(), done.containerTag(),
                chunks.size(), Duration.between(doc.updatedAt(), done.updatedAt()).toMillis());
        events.publish(new DocumentEvent(DocumentEvent.Type.DONE, done.tenant(), done.id(), done.customId(),
                done.containerTag(), DocumentStatus.DONE, null, done.updatedAt()));
        return done;
    }
}
