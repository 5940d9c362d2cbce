package io.hippocamel.http;

import java.time.Clock;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the Apache HttpClient 5 instances of Hippocamel's outbound calls, one per caller and its settings. No idle
 * evictor thread: a source's client lives for one sync run and is dropped, not closed.
 */
public final class HttpClients {

    private static final int MAX_REDIRECTS = 5;

    private HttpClients() {
    }

    /** A client with the system's DNS. */
    public static CloseableHttpClient create(HttpSettings settings) {
        return create(settings, null);
    }

    /**
     * A client whose connections go to the addresses {@code dns} returns (null: the system's DNS); redirects are
     * followed (at most five), each new host resolved through {@code dns} again.
     */
    public static CloseableHttpClient create(HttpSettings settings, DnsResolver dns) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connection)
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(100);
        if (dns != null) {
            pool.setDnsResolver(dns);
        }
        return HttpClientBuilder.create()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setMaxRedirects(MAX_REDIRECTS)
                        .build())
                .setRetryStrategy(new RetryAfterStrategy(settings, Clock.systemUTC()))
                .disableCookieManagement()
                .build();
    }
}
