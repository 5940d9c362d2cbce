package io.hippocamel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hippocamel.core.Chunk;
import io.hippocamel.core.ChunkHit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FusionTest {

    private static ChunkHit hit(String id, float score) {
        return new ChunkHit(new Chunk(id, "doc", 0, id, new float[] {1, 0}), "tag", score);
    }

    @Test
    @DisplayName("RRF rewards a chunk found by both retrievers over one ranked first by only one")
    void rrfPrefersAgreement() {
        List<ChunkHit> text = List.of(hit("a", 12), hit("b", 8), hit("c", 1));
        List<ChunkHit> vector = List.of(hit("d", 0.9f), hit("b", 0.8f), hit("e", 0.7f));
        Map<String, Double> fused = SearchService.reciprocalRankFusion(text, vector, 60);
        assertThat(fused.get("b")).isCloseTo(2.0 / 62, within(1e-12));
        assertThat(fused.get("a")).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get("b")).isGreaterThan(fused.get("a")).isGreaterThan(fused.get("c"));
    }

    @Test
    @DisplayName("blend: BM25 relative to the best hit, vectors as cosine, weighted")
    void blendWeights() {
        List<ChunkHit> text = List.of(hit("a", 10), hit("b", 5));
        List<ChunkHit> vector = List.of(hit("b", 0.9f), hit("a", 0.6f), hit("c", 0.4f));
        Map<String, Double> fused = SearchService.blend(text, vector, 0.25);
        assertThat(fused.get("a")).isCloseTo(0.75 * 1 + 0.25 * 0.2, within(1e-6));
        assertThat(fused.get("b")).isCloseTo(0.75 * 0.5 + 0.25 * 0.8, within(1e-6));
        assertThat(fused.get("c")).isCloseTo(0, within(1e-6)); // negative cosine counts as nothing
    }

    @Test
    @DisplayName("similarity maps cosine to [0,1]")
    void similarity() {
        assertThat(SearchService.similarity(new float[] {1, 0}, new float[] {1, 0})).isEqualTo(1.0);
        assertThat(SearchService.similarity(new float[] {1, 0}, new float[] {0, 1})).isEqualTo(0.5);
        assertThat(SearchService.similarity(new float[] {1, 0}, new float[] {-1, 0})).isEqualTo(0.0);
        assertThat(SearchService.similarity(new float[] {1, 0}, null)).isEqualTo(0.0);
    }

    @Test
    @DisplayName("BM25 hits far below the best one are dropped before fusion")
    void weakTextHitsDropped() {
        List<ChunkHit> text = List.of(hit("exact", 3.6f), hit("close", 1.2f), hit("noise1", 0.01f),
                hit("noise2", 0.001f));
        assertThat(SearchService.withoutWeakTextHits(text, 0.1)).extracting(h -> h.chunk().id())
                .containsExactly("exact", "close");
        assertThat(SearchService.withoutWeakTextHits(text, 0)).hasSize(4);
        assertThat(SearchService.withoutWeakTextHits(List.of(), 0.1)).isEmpty();
    }
}
