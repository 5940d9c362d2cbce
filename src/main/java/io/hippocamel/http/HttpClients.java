package io.hippocamel.http;

import java.time.Clock;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
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
        return create(settings, dns, null);
    }

    /**
     * As {@link #create(HttpSettings, DnsResolver)}, with the plain sockets made by {@code sockets} (null: the
     * default). A test seam: production passes null; tests see (and redirect to loopback) the exact address each
     * connection is opened to, so no packet leaves the machine.
     */
    public static CloseableHttpClient create(HttpSettings settings, DnsResolver dns, DetachedSocketFactory sockets) {
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = (sockets == null
                ? PoolingHttpClientConnectionManagerBuilder.create() : new WithSockets(sockets))
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

    /** A pool builder whose connection operator opens its plain sockets with a given factory. */
    private static final class WithSockets extends PoolingHttpClientConnectionManagerBuilder {
        private final DetachedSocketFactory sockets;

        WithSockets(DetachedSocketFactory sockets) {
            this.sockets = sockets;
        }

        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(sockets, ports, dns,
                    RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
        }
    }
}
