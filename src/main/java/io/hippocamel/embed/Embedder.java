package io.hippocamel.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors. Implementations: the in-process ONNX model (default) and an
 * OpenAI-compatible HTTP endpoint.
 *
 * <p>Contract: returns one vector per input, in input order, each of {@link #dimension()} floats with L2 norm 1;
 * an empty input gives an empty list; thread-safe. Failures surface as {@link EmbeddingException}.
 * {@link #embed(List)} embeds passages (what is stored); {@link #embedQuery(String)} embeds a search query, which
 * asymmetric models (bge) embed differently: always use it on the search side.
 */
public interface Embedder {

    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /** The vector of a search query, to compare with passage vectors; the same as a passage by default. */
    default float[] embedQuery(String query) {
        return embed(query);
    }

    int dimension();

    /** Identifies the model; vectors of different models are not comparable. */
    String modelId();
}
