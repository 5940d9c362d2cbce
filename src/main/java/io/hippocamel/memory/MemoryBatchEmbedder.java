package io.hippocamel.memory;

import io.hippocamel.embed.Embedder;
import java.util.ArrayList;
import java.util.List;

/** Extraction step 5: embeds the content of every memory of the batch that has no vector yet, in one call. */
public class MemoryBatchEmbedder {

    private final Embedder embedder;

    public MemoryBatchEmbedder(Embedder embedder) {
        this.embedder = embedder;
    }

    public MemoryBatch embed(MemoryBatch batch) {
        List<Memory> missing = batch.memories().stream().filter(m -> m.vector() == null).toList();
        if (missing.isEmpty()) {
            return batch;
        }
        List<float[]> vectors = embedder.embed(missing.stream().map(Memory::content).toList());
        List<Memory> out = new ArrayList<>(batch.memories().size());
        int next = 0;
        for (Memory memory : batch.memories()) {
            out.add(memory.vector() != null ? memory : memory.toBuilder().vector(vectors.get(next++)).build());
        }
        return new MemoryBatch(batch.job(), batch.version(), out, batch.supported());
    }
}
