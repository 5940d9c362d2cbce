package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hippocamel.store.StoreProperties;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * How to reach a cluster: node URLs and, for a secured one, credentials (an API key, or user and password) and the
 * certificate authority of its HTTPS certificates (a PEM file, or the SHA-256 fingerprint Elasticsearch prints on
 * first start). Secrets are never part of {@link #toString()}.
 *
 * @param urls           node URLs, e.g. https://es1:9200
 * @param apiKey         encoded API key (sent as "Authorization: ApiKey ..."), or null
 * @param username       basic-auth user, or null
 * @param password       basic-auth password, or null
 * @param caCertificate  PEM file of the CA that signed the cluster's certificates, or null (JDK trust store)
 * @param caFingerprint  hex SHA-256 fingerprint of that CA, or null
 * @param connectTimeout connection timeout
 * @param socketTimeout  response timeout
 */
public record EsConnection(List<String> urls, String apiKey, String username, String password, Path caCertificate,
                           String caFingerprint, Duration connectTimeout, Duration socketTimeout) {

    /** The connection {@code hippocamel.store.elasticsearch.*} describes; a missing URL names the key to set. */
    public static EsConnection of(StoreProperties.Elasticsearch es) {
        if (es.getUrl() == null || es.getUrl().isBlank()) {
            throw new IllegalStateException("hippocamel.store.type=elasticsearch needs hippocamel.store.elasticsearch.url"
                    + " (config/application.yaml, or the ES_URL environment variable)");
        }
        return new EsConnection(Arrays.asList(es.getUrl().split(",")), es.getApiKey(), es.getUsername(),
                es.getPassword(), es.getCaCertificate() == null || es.getCaCertificate().isBlank() ? null
                        : Path.of(es.getCaCertificate()), es.getCaFingerprint(), es.getConnectTimeout(),
                es.getSocketTimeout());
    }

    /** The indices {@code hippocamel.store.elasticsearch.*} names. */
    public static EsIndices indices(StoreProperties.Elasticsearch es) {
        return new EsIndices(es.getIndexPrefix(), es.getShards(), es.getReplicas());
    }

    public EsConnection {
        urls = urls == null ? List.of() : urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
        if (blankToNull(apiKey) != null && blankToNull(username) != null) {
            throw new IllegalArgumentException("set either an API key or a username, not both");
        }
    }

    /** Plain HTTP without credentials (a local node). */
    public static EsConnection of(String commaSeparatedUrls) {
        return new EsConnection(Arrays.asList(commaSeparatedUrls.split(",")), null, null, null, null, null,
                Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** A client speaking JSON through Jackson; closing its transport closes the connections. */
    public ElasticsearchClient newClient() {
        RestClientBuilder builder = RestClient.builder(urls.stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setRequestConfigCallback(c -> c.setConnectTimeout((int) connectTimeout.toMillis())
                        .setSocketTimeout((int) socketTimeout.toMillis()));
        if (blankToNull(apiKey) != null) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + apiKey)});
        }
        SSLContext ssl = sslContext();
        BasicCredentialsProvider credentials = null;
        if (blankToNull(username) != null) {
            credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username,
                    password == null ? "" : password));
        }
        BasicCredentialsProvider basic = credentials;
        builder.setHttpClientConfigCallback(http -> {
            if (basic != null) {
                http.setDefaultCredentialsProvider(basic);
            }
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            return http;
        });
        JacksonJsonpMapper mapper = new JacksonJsonpMapper(JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
        return new ElasticsearchClient(new RestClientTransport(builder.build(), mapper));
    }

    private SSLContext sslContext() {
        try {
            if (caCertificate != null) {
                return TransportUtils.sslContextFromHttpCaCrt(caCertificate.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caCertificate, e);
        }
        return blankToNull(caFingerprint) == null ? null : TransportUtils.sslContextFromCaFingerprint(caFingerprint);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "EsConnection" + urls + (blankToNull(apiKey) != null ? " (API key)" : "")
                + (blankToNull(username) != null ? " (user " + username + ")" : "");
    }
}
