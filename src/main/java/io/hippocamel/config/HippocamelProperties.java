package io.hippocamel.config;

import io.hippocamel.embed.OnnxModel;
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

/** The whole {@code hippocamel.*} configuration tree; every key is documented in config/application.yaml. */
@Validated
@ConfigurationProperties("hippocamel")
public class HippocamelProperties {

    /** Where the embedded store, uploaded files and the generated API key live. */
    @NotNull
    private Path dataDir = Path.of("./data");

    /** Accepted API keys; each key is its own tenant. Empty: a key is generated on first start. */
    private List<String> apiKeys = new ArrayList<>();

    @Valid
    private final Store store = new Store();
    @Valid
    private final Embedding embedding = new Embedding();
    @Valid
    private final Ingest ingest = new Ingest();
    @Valid
    private final Search search = new Search();
    @Valid
    private final Router router = new Router();
    @Valid
    private final Connectors connectors = new Connectors();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public Store getStore() {
        return store;
    }

    public Embedding getEmbedding() {
        return embedding;
    }

    public Ingest getIngest() {
        return ingest;
    }

    public Search getSearch() {
        return search;
    }

    public Router getRouter() {
        return router;
    }

    public Connectors getConnectors() {
        return connectors;
    }

    /** Which store backend holds the memory pool. */
    public static class Store {
        /** lucene (embedded, default) or elasticsearch. */
        @NotNull
        private StoreType type = StoreType.LUCENE;
        @Valid
        private final Elasticsearch elasticsearch = new Elasticsearch();

        public StoreType getType() {
            return type;
        }

        public void setType(StoreType type) {
            this.type = type;
        }

        public Elasticsearch getElasticsearch() {
            return elasticsearch;
        }
    }

    public enum StoreType { LUCENE, ELASTICSEARCH }

    /** Connection to an Elasticsearch cluster (store type elasticsearch) and the indices the pool lives in. */
    public static class Elasticsearch {
        /** Comma-separated node URLs (env ES_URL). */
        private String url;
        /** Encoded API key, sent as "Authorization: ApiKey ..." (use an environment placeholder). */
        private String apiKey;
        /** Basic-auth user (instead of an API key). */
        private String username;
        /** Basic-auth password (use an environment placeholder). */
        private String password;
        /** PEM file of the CA that signed the cluster's HTTPS certificate; empty: the JDK trust store. */
        private String caCertificate;
        /** Hex SHA-256 fingerprint of that CA (what Elasticsearch prints on first start), instead of the file. */
        private String caFingerprint;
        /** Index name prefix: {prefix}-documents, {prefix}-blobs, {prefix}-state. Lower case. */
        @NotBlank
        @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*", message = "must be lower case letters, digits, '_', '.' or '-'")
        private String indexPrefix = "hippocamel";
        /** Primary shards of the documents index (BM25 statistics are per shard; one keeps scores exact). */
        @Min(1)
        private int shards = 1;
        /** Replicas of every index (0 for a single node). */
        @Min(0)
        private int replicas = 1;
        /** Connection timeout. */
        @NotNull
        private Duration connectTimeout = Duration.ofSeconds(5);
        /** Response timeout of one request. */
        @NotNull
        private Duration socketTimeout = Duration.ofSeconds(60);
        /** How long a server's claim on a document it is processing lasts (longer than processing one document). */
        @NotNull
        private Duration leaseTtl = Duration.ofMinutes(5);
        /** How often each server looks for documents another server accepted or claimed, then died. */
        @NotNull
        private Duration abandonedCheckInterval = Duration.ofSeconds(30);

        public Duration getLeaseTtl() {
            return leaseTtl;
        }

        public void setLeaseTtl(Duration leaseTtl) {
            this.leaseTtl = leaseTtl;
        }

        public Duration getAbandonedCheckInterval() {
            return abandonedCheckInterval;
        }

        public void setAbandonedCheckInterval(Duration abandonedCheckInterval) {
            this.abandonedCheckInterval = abandonedCheckInterval;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getCaCertificate() {
            return caCertificate;
        }

        public void setCaCertificate(String caCertificate) {
            this.caCertificate = caCertificate;
        }

        public String getCaFingerprint() {
            return caFingerprint;
        }

        public void setCaFingerprint(String caFingerprint) {
            this.caFingerprint = caFingerprint;
        }

        public String getIndexPrefix() {
            return indexPrefix;
        }

        public void setIndexPrefix(String indexPrefix) {
            this.indexPrefix = indexPrefix;
        }

        public int getShards() {
            return shards;
        }

        public void setShards(int shards) {
            this.shards = shards;
        }

        public int getReplicas() {
            return replicas;
        }

        public void setReplicas(int replicas) {
            this.replicas = replicas;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getSocketTimeout() {
            return socketTimeout;
        }

        public void setSocketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
        }
    }

    /** How texts become vectors. */
    public static class Embedding {
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
    }

    public enum EmbeddingProvider {
        ONNX, OPENAI;

        /** The model used when {@code hippocamel.embedding.model} is empty. */
        public String defaultModel() {
            return this == ONNX ? OnnxModel.DEFAULT.id() : "text-embedding-3-small";
        }
    }

    /** The asynchronous ingest pipeline. */
    public static class Ingest {
        /** Whether URL documents may point at loopback, private or link-local addresses. */
        private boolean allowPrivateUrls = false;
        /** Concurrent extract/chunk workers. */
        @Min(1)
        private int workers = 2;
        /** Documents gathered into one embedding batch at most. */
        @Min(1)
        private int batchDocuments = 64;
        /** How long a partial embedding batch waits for more documents. */
        private Duration batchTimeout = Duration.ofMillis(20);
        /** Largest accepted file upload. */
        private DataSize maxFileSize = DataSize.ofMegabytes(50);
        /** Largest body fetched for a URL document. */
        private DataSize maxUrlSize = DataSize.ofMegabytes(50);
        /** Connect + read timeout of a URL fetch. */
        private Duration urlTimeout = Duration.ofSeconds(30);
        /** Largest text content accepted in a JSON add. */
        private DataSize maxContentSize = DataSize.ofMegabytes(10);
        /** How often an INFO line sums up ingest (documents done/failed, queue, docs/s); silent when idle. */
        private Duration summaryInterval = Duration.ofMinutes(1);
        @Valid
        private final Chunking chunking = new Chunking();

        public Duration getSummaryInterval() {
            return summaryInterval;
        }

        public void setSummaryInterval(Duration summaryInterval) {
            this.summaryInterval = summaryInterval;
        }

        public boolean isAllowPrivateUrls() {
            return allowPrivateUrls;
        }

        public void setAllowPrivateUrls(boolean allowPrivateUrls) {
            this.allowPrivateUrls = allowPrivateUrls;
        }

        public int getWorkers() {
            return workers;
        }

        public void setWorkers(int workers) {
            this.workers = workers;
        }

        public int getBatchDocuments() {
            return batchDocuments;
        }

        public void setBatchDocuments(int batchDocuments) {
            this.batchDocuments = batchDocuments;
        }

        public Duration getBatchTimeout() {
            return batchTimeout;
        }

        public void setBatchTimeout(Duration batchTimeout) {
            this.batchTimeout = batchTimeout;
        }

        public DataSize getMaxFileSize() {
            return maxFileSize;
        }

        public void setMaxFileSize(DataSize maxFileSize) {
            this.maxFileSize = maxFileSize;
        }

        public DataSize getMaxUrlSize() {
            return maxUrlSize;
        }

        public void setMaxUrlSize(DataSize maxUrlSize) {
            this.maxUrlSize = maxUrlSize;
        }

        public Duration getUrlTimeout() {
            return urlTimeout;
        }

        public void setUrlTimeout(Duration urlTimeout) {
            this.urlTimeout = urlTimeout;
        }

        public DataSize getMaxContentSize() {
            return maxContentSize;
        }

        public void setMaxContentSize(DataSize maxContentSize) {
            this.maxContentSize = maxContentSize;
        }

        public Chunking getChunking() {
            return chunking;
        }
    }

    /** How extracted text is cut into chunks (sizes in cl100k tokens). */
    public static class Chunking {
        /** Largest chunk. */
        @Min(16)
        @Max(8192)
        private int maxTokens = 256;
        /** Tokens of the previous chunk repeated at the start of the next. */
        @Min(0)
        private int overlapTokens = 32;
        /**
         * Metadata keys (case-insensitive) whose values are embedded with each chunk of a document, after its title:
         * when and by whom something was said is often what a question asks by. A key no document has (none): the
         * title only.
         */
        @NotNull
        private List<String> contextKeys = new ArrayList<>(List.of("date", "datetime", "timestamp", "time",
                "speaker", "author", "sender"));
        /**
         * Metadata keys (case-insensitive) naming a document's thread: documents of one container tag with the same
         * value are messages of one conversation, and each is embedded and matched with the end of the one before.
         * A key no document has (none): documents are never linked.
         */
        @NotNull
        private List<String> threadKeys = new ArrayList<>(List.of("thread", "thread_id", "threadId", "conversation",
                "conversation_id", "conversationId", "session", "session_id", "sessionId"));

        public int getMaxTokens() {
            return maxTokens;
        }

        public void setMaxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
        }

        public int getOverlapTokens() {
            return overlapTokens;
        }

        public void setOverlapTokens(int overlapTokens) {
            this.overlapTokens = overlapTokens;
        }

        public List<String> getContextKeys() {
            return contextKeys;
        }

        public void setContextKeys(List<String> contextKeys) {
            this.contextKeys = contextKeys;
        }

        public List<String> getThreadKeys() {
            return threadKeys;
        }

        public void setThreadKeys(List<String> threadKeys) {
            this.threadKeys = threadKeys;
        }
    }

    /** Hybrid search. */
    public static class Search {
        /** blend (weighted sum of normalised scores; measured best, see BENCHMARKS.md) or rrf (reciprocal rank). */
        @NotNull
        private Fusion fusion = Fusion.BLEND;
        /** RRF's k constant. */
        @Min(1)
        private int rrfK = 60;
        /** Blend: weight of the vector score (1 - weight goes to BM25). */
        @DecimalMin("0")
        @DecimalMax("1")
        private double vectorWeight = 0.3;
        /** Candidates fetched from each of BM25 and kNN before fusion. */
        @Min(1)
        @Max(1000)
        private int candidates = 50;
        /**
         * BM25 candidates scoring below this fraction of the best BM25 score are dropped before fusion: they matched
         * only words that are everywhere, and rank fusion would otherwise credit them as evidence.
         */
        @DecimalMin("0")
        @DecimalMax("1")
        private double minTextScoreRatio = 0.1;

        public Fusion getFusion() {
            return fusion;
        }

        public void setFusion(Fusion fusion) {
            this.fusion = fusion;
        }

        public int getRrfK() {
            return rrfK;
        }

        public void setRrfK(int rrfK) {
            this.rrfK = rrfK;
        }

        public double getVectorWeight() {
            return vectorWeight;
        }

        public void setVectorWeight(double vectorWeight) {
            this.vectorWeight = vectorWeight;
        }

        public int getCandidates() {
            return candidates;
        }

        public void setCandidates(int candidates) {
            this.candidates = candidates;
        }

        public double getMinTextScoreRatio() {
            return minTextScoreRatio;
        }

        public void setMinTextScoreRatio(double minTextScoreRatio) {
            this.minTextScoreRatio = minTextScoreRatio;
        }
    }

    public enum Fusion { RRF, BLEND }

    /** The Memory Router (LLM proxy). */
    public static class Router {
        /** URL prefixes the router may forward to; anything else is refused with 403. */
        private List<String> allowedUpstreams = new ArrayList<>(List.of(
                "https://api.openai.com/",
                "https://api.anthropic.com/",
                "https://generativelanguage.googleapis.com/",
                "https://api.groq.com/",
                "https://api.deepinfra.com/",
                "https://openrouter.ai/"));
        /** Conversations longer than this (cl100k tokens) lose their oldest turns before forwarding. */
        @Min(256)
        private int maxContextTokens = 20_000;
        /** Token budget of the memory block added to the system prompt. */
        @Min(0)
        private int memoryTokens = 2_000;
        /** Memories retrieved per request at most. */
        @Min(0)
        @Max(100)
        private int topK = 5;
        /** Minimum similarity ((1 + cosine) / 2) of a retrieved memory. */
        @DecimalMin("0")
        @DecimalMax("1")
        private double threshold = 0.6;
        /** Longest an upstream may stay silent: before its answer starts, and between two streamed bytes. */
        @NotNull
        private Duration upstreamTimeout = Duration.ofMinutes(10);
        /** Longest a router call may last, streamed answer included; a longer stream ends with an error event. */
        @NotNull
        private Duration maxCallDuration = Duration.ofMinutes(60);

        /**
         * How long the servlet container lets one HTTP call run: past the router's own limits, so the container
         * never cuts an answer silently (the router always ends it first, with an error the client sees).
         */
        public Duration asyncRequestTimeout() {
            return maxCallDuration.plus(upstreamTimeout).plusMinutes(1);
        }

        public Duration getUpstreamTimeout() {
            return upstreamTimeout;
        }

        public void setUpstreamTimeout(Duration upstreamTimeout) {
            this.upstreamTimeout = upstreamTimeout;
        }

        public Duration getMaxCallDuration() {
            return maxCallDuration;
        }

        public void setMaxCallDuration(Duration maxCallDuration) {
            this.maxCallDuration = maxCallDuration;
        }

        public List<String> getAllowedUpstreams() {
            return allowedUpstreams;
        }

        public void setAllowedUpstreams(List<String> allowedUpstreams) {
            this.allowedUpstreams = allowedUpstreams;
        }

        public int getMaxContextTokens() {
            return maxContextTokens;
        }

        public void setMaxContextTokens(int maxContextTokens) {
            this.maxContextTokens = maxContextTokens;
        }

        public int getMemoryTokens() {
            return memoryTokens;
        }

        public void setMemoryTokens(int memoryTokens) {
            this.memoryTokens = memoryTokens;
        }

        public int getTopK() {
            return topK;
        }

        public void setTopK(int topK) {
            this.topK = topK;
        }

        public double getThreshold() {
            return threshold;
        }

        public void setThreshold(double threshold) {
            this.threshold = threshold;
        }
    }

    /** Scheduled connectors. */
    public static class Connectors {
        /** Folder of connector YAML files. */
        private Path dir = Path.of("./connectors");
        /**
         * How long a sync run holds its connector's lease in the store before renewing it; a server that dies
         * mid-run blocks that connector for at most this long.
         */
        @NotNull
        private Duration leaseDuration = Duration.ofMinutes(10);

        public Path getDir() {
            return dir;
        }

        public void setDir(Path dir) {
            this.dir = dir;
        }

        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }
    }
}
