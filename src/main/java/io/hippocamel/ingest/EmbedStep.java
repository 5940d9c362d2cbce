package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline step 3: embeds the chunks of a batch of documents in one embedder call, so short documents share model
 * batches. Each chunk is embedded with its document's title in front: the title often carries the topic the chunk
 * itself never names.
 */
public class EmbedStep {

    private final MemoryStore store;
    private final Embedder embedder;

    public EmbedStep(MemoryStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    public List<EmbeddedDocument> embed(List<ChunkedDocument> batch) {
        List<ChunkedDocument> live = new ArrayList<>(batch.size());
        List<String> texts = new ArrayList<>();
        for (ChunkedDocument d : batch) {
            var doc = d.document();
            if (store.updateStatus(doc.tenant(), doc.id(), doc.version(), DocumentStatus.EMBEDDING, null)) {
                live.add(d);
                d.chunks().forEach(chunk -> texts.add(embeddingText(doc.title(), chunk)));
            }
        }
        List<float[]> vectors = embedder.embed(texts);
        List<EmbeddedDocument> out = new ArrayList<>(live.size());
        int offset = 0;
        for (ChunkedDocument d : live) {
            int n = d.chunks().size();
            out.add(new EmbeddedDocument(d.document(), d.chunks(), vectors.subList(offset, offset + n)));
            offset += n;
        }
        return out;
    }

    static String embeddingText(String title, String chunk) {
        return title == null || title.isBlank() || chunk.startsWith(title) ? chunk : title + "\n" + chunk;
    }
}
