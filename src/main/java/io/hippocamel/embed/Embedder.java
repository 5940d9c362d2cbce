package io.hippocamel.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors. Implementations: the in-process ONNX model (default) and an
 * OpenAI-compatible HTTP endpoint.
 *
 * <p>Contract: returns one vector per input, in input order, each of {@link #dimension()} floats with L2 norm 1;
 * an empty input gives an empty list; thread-safe. Failures surface as {@link EmbeddingException}.
 */
public interface Embedder {

    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    int dimension();

    /** Identifies the model; vectors of different models are not comparable. */
    String modelId();
}
