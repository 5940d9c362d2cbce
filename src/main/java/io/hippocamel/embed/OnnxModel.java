package io.hippocamel.embed;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The in-process embedding models this build ships, each from its langchain4j Maven artifact (no download). Both
 * give 384-d vectors; they differ in quality, speed and in how queries are embedded.
 */
public enum OnnxModel {

    /** Quantized all-MiniLM-L6-v2: 6 layers, mean pooling, no query instruction. The faster one. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            PoolingMode.MEAN, ""),

    /**
     * Quantized BAAI bge-small-en-v1.5: 12 layers, CLS pooling; queries (not passages) get the instruction the model
     * was trained with for short-query-to-passage retrieval.
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            PoolingMode.CLS, "Represent this sentence for searching relevant passages: ");

    /** The model used when the configuration names none: the measured best of quality and speed (README). */
    public static final OnnxModel DEFAULT = ALL_MINILM_L6_V2_Q;

    private final String id;
    private final String modelResource;
    private final String tokenizerResource;
    private final PoolingMode pooling;
    private final String queryPrefix;

    OnnxModel(String id, String modelResource, String tokenizerResource, PoolingMode pooling, String queryPrefix) {
        this.id = id;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
    }

    /** The name used in configuration ({@code hippocamel.embedding.model}) and as the embedder's model id. */
    public String id() {
        return id;
    }

    String modelResource() {
        return modelResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    PoolingMode pooling() {
        return pooling;
    }

    /** Put in front of a search query before embedding it; empty for symmetric models. */
    String queryPrefix() {
        return queryPrefix;
    }

    /** The model with this configuration name (case-insensitive), if this build has it. */
    public static Optional<OnnxModel> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst();
    }
}
