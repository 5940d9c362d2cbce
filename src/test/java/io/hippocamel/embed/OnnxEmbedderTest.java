package io.hippocamel.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real in-process model from its Maven artifact. */
class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder(2);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }

    @Test
    @DisplayName("vectors are 384-d, unit length, one per input in order")
    void shape() {
        List<float[]> v = embedder.embed(List.of("first text", "second text", ""));
        assertThat(v).hasSize(3);
        v.forEach(x -> {
            assertThat(x).hasSize(384);
            assertThat(dot(x, x)).isCloseTo(1.0, within(1e-3));
        });
        assertThat(embedder.embed(List.of())).isEmpty();
        assertThat(embedder.embed("second text")).containsExactly(v.get(1));
    }

    @Test
    @DisplayName("the default model embeds a query like a passage")
    void symmetricQueries() {
        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embedder.embedQuery("second text")).containsExactly(embedder.embed("second text"));
    }

    @Test
    @DisplayName("bge-small-en-v1.5 loads from its artifact; queries get its instruction, passages do not")
    void bgeWithQueryInstruction() {
        try (OnnxEmbedder bge = new OnnxEmbedder(OnnxModel.BGE_SMALL_EN_V15_Q, 2)) {
            assertThat(bge.modelId()).isEqualTo("bge-small-en-v15-q");
            float[] passage = bge.embed("What does my cat like to eat?");
            float[] query = bge.embedQuery("What does my cat like to eat?");
            assertThat(query).hasSize(384);
            assertThat(dot(query, query)).isCloseTo(1.0, within(1e-3));
            assertThat(dot(query, passage)).isLessThan(0.99);
            float[] related = bge.embed("My cat loves tuna and chicken.");
            float[] unrelated = bge.embed("The quarterly tax filing deadline is in April.");
            assertThat(dot(query, related)).isGreaterThan(dot(query, unrelated) + 0.1);
        }
    }

    @Test
    @DisplayName("models are named in configuration by their id, case-insensitively")
    void modelsById() {
        assertThat(OnnxModel.byId("BGE-small-en-v15-q")).contains(OnnxModel.BGE_SMALL_EN_V15_Q);
        assertThat(OnnxModel.byId("text-embedding-3-small")).isEmpty();
    }

    @Test
    @DisplayName("related sentences are closer than unrelated ones")
    void semantics() {
        float[] q = embedder.embed("What does my cat like to eat?");
        float[] related = embedder.embed("My cat loves tuna and chicken.");
        float[] unrelated = embedder.embed("The quarterly tax filing deadline is in April.");
        assertThat(dot(q, related)).isGreaterThan(dot(q, unrelated) + 0.2);
    }
}
