package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.embed.Embedder;
import io.hippocamel.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline step 3: embeds the chunks of a batch of documents in one embedder call, so short documents share model
 * batches. Each chunk is embedded with its {@link ChunkContext} header in front (title, date, speaker): the
 * document often carries what the chunk itself never names.
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
                for (int i = 0; i < d.chunks().size(); i++) {
                    texts.add(d.contexts().get(i).embeddingText(d.chunks().get(i)));
                }
            }
        }
        List<float[]> vectors = embedder.embed(texts);
        List<EmbeddedDocument> out = new ArrayList<>(live.size());
        int offset = 0;
        for (ChunkedDocument d : live) {
            int n = d.chunks().size();
            out.add(new EmbeddedDocument(d.document(), d.chunks(), d.contexts(), vectors.subList(offset, offset + n)));
            offset += n;
        }
        return out;
    }
}
