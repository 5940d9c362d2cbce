package io.hippocamel.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default embedder: one of the {@link OnnxModel}s (384-d) run in-process by ONNX Runtime, loaded from the model's
 * Maven artifact (no download). Each inference runs single-threaded and {@code threads} inferences run in parallel:
 * measured here, that beats ONNX Runtime's own intra-op threading on 2 cores (java-stack.md §3).
 */
public class OnnxEmbedder implements Embedder, AutoCloseable {

    private static final int DIMENSION = 384;

    private final OnnxModel onnxModel;
    private final ExecutorService executor;
    private final Model model;

    /** The default model, {@link OnnxModel#ALL_MINILM_L6_V2_Q}. */
    public OnnxEmbedder(int threads) {
        this(OnnxModel.ALL_MINILM_L6_V2_Q, threads);
    }

    public OnnxEmbedder(OnnxModel onnxModel, int threads) {
        this.onnxModel = onnxModel;
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "onnx-embed-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.model = new Model(onnxModel, executor);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try {
            // the model refuses blank input; a lone period embeds as "nothing in particular"
            List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
            return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
        } catch (RuntimeException e) {
            throw new EmbeddingException("ONNX embedding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(onnxModel.queryPrefix() + query)).get(0);
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return onnxModel.id();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** langchain4j's in-process model with an ONNX session capped at one intra-op thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxModel onnxModel, ExecutorService executor) {
            super(executor);
            try (InputStream onnx = resource(onnxModel.modelResource());
                 InputStream tokenizer = resource(onnxModel.tokenizerResource())) {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                OrtSession session = env.createSession(onnx.readAllBytes(), options);
                this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, onnxModel.pooling());
            } catch (IOException | OrtException e) {
                throw new EmbeddingException("cannot load the ONNX embedding model", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new EmbeddingException("model resource " + name + " is not on the classpath");
            }
            return in;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
