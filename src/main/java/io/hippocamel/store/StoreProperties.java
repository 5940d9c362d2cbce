package io.hippocamel.store;

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

/** Which store backend holds the memory pool. */
@Validated
@ConfigurationProperties("hippocamel.store")
public class StoreProperties {
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
}
