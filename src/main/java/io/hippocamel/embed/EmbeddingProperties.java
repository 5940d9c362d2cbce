package io.hippocamel.embed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** How texts become vectors. */
@Validated
@ConfigurationProperties("hippocamel.embedding")
public class EmbeddingProperties {
    /** onnx (in-process MiniLM, default) or openai (an OpenAI-compatible /embeddings endpoint). */
    @NotNull
    private EmbeddingProvider provider = EmbeddingProvider.ONNX;
    /** ONNX: parallel inference threads (each runs the model single-threaded). */
    @Min(1)
    @Max(64)
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Texts per model call. */
    @Min(1)
    @Max(2048)
    private int batchSize = 32;
    /** OpenAI-compatible endpoint base URL, e.g. https://api.openai.com/v1. */
    private String baseUrl = "https://api.openai.com/v1";
    /**
     * The model. onnx: one of the in-process models this build ships (all-minilm-l6-v2-q, bge-small-en-v15-q);
     * openai: the model name sent to the endpoint. Empty: the provider's default.
     */
    private String model;
    /** API key for the endpoint (use an environment placeholder, never commit it). */
    private String apiKey;
    /** Vector size the endpoint returns (sent as "dimensions"). */
    @Min(1)
    private int dimensions = 384;
    /** Timeout of one embeddings call. */
    private Duration timeout = Duration.ofSeconds(30);

    public EmbeddingProvider getProvider() {
        return provider;
    }

    public void setProvider(EmbeddingProvider provider) {
        this.provider = provider;
    }

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        this.threads = threads;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public int getDimensions() {
        return dimensions;
    }

    public void setDimensions(int dimensions) {
        this.dimensions = dimensions;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public enum EmbeddingProvider {
        ONNX, OPENAI;

        /** The model used when {@code hippocamel.embedding.model} is empty. */
        public String defaultModel() {
            return this == ONNX ? OnnxModel.DEFAULT.id() : "text-embedding-3-small";
        }
    }
}
