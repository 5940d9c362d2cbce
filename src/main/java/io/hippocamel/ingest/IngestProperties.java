package io.hippocamel.ingest;

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

/** The asynchronous ingest pipeline. */
@Validated
@ConfigurationProperties("hippocamel.ingest")
public class IngestProperties {
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
}
