package io.hippocamel.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default embedder: quantized all-MiniLM-L6-v2 (384-d) run in-process by ONNX Runtime, loaded from the model's
 * Maven artifact (no download). Each inference runs single-threaded and {@code threads} inferences run in parallel:
 * measured here, that beats ONNX Runtime's own intra-op threading on 2 cores (java-stack.md §3).
 */
public class OnnxEmbedder implements Embedder, AutoCloseable {

    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSION = 384;

    private final ExecutorService executor;
    private final Model model;

    public OnnxEmbedder(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "onnx-embed-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.model = new Model(executor);
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
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** langchain4j's in-process model with an ONNX session capped at one intra-op thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(ExecutorService executor) {
            super(executor);
            try (InputStream onnx = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                OrtSession session = env.createSession(onnx.readAllBytes(), options);
                this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
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
