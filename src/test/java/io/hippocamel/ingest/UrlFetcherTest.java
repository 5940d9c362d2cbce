package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.http.PublicAddressResolver;
import io.hippocamel.testsupport.LocalHttpServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UrlFetcherTest {

    private LocalHttpServer server;
    private final AtomicInteger secretHits = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new LocalHttpServer()
                .handle("/page", ex -> LocalHttpServer.respond(ex, 200, "text/html", "<p>hello page</p>"))
                .handle("/big", ex -> LocalHttpServer.respond(ex, 200, "text/plain", new byte[5000]))
                .handle("/secret", ex -> {
                    secretHits.incrementAndGet();
                    LocalHttpServer.respond(ex, 200, "text/plain", "internal only");
                })
                .handle("/missing", ex -> LocalHttpServer.respond(ex, 404, "text/plain", "nope"))
                .handle("/redirect", ex -> {
                    ex.getResponseHeaders().set("Location", "/page");
                    ex.sendResponseHeaders(302, -1);
                    ex.close();
                });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    @DisplayName("loopback URLs are refused unless private URLs are allowed")
    void refusesLoopbackByDefault() {
        UrlFetcher strict = new UrlFetcher(false, 1_000_000, Duration.ofSeconds(5));
        assertThatThrownBy(() -> strict.fetch(server.url("/page"))).isInstanceOf(ExtractionException.class)
                .hasMessageContaining("private or loopback").hasMessageContaining("allow-private-urls");
        UrlFetcher.Fetched fetched = new UrlFetcher(true, 1_000_000, Duration.ofSeconds(5)).fetch(server.url("/page"));
        assertThat(new String(fetched.body())).contains("hello page");
        assertThat(fetched.contentType()).startsWith("text/html");
    }

    /**
     * A name that answers a public address first and loopback afterwards, as a rebinding attacker's DNS does. The
     * public one is in IPv6's documentation prefix, which nothing routes.
     */
    private static final class RebindingDns implements DnsResolver {
        final List<String> answered = new CopyOnWriteArrayList<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals("rebind.test")) {
                throw new UnknownHostException(host);
            }
            InetAddress answer = InetAddress.getByName(answered.isEmpty() ? "2001:db8::1" : "127.0.0.1");
            answered.add(answer.getHostAddress());
            return new InetAddress[] {answer};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    @Test
    @DisplayName("DNS rebinding: the connection goes to the address that was checked, never to a later answer")
    void dnsRebinding() {
        RebindingDns dns = new RebindingDns();
        UrlFetcher strict = new UrlFetcher(false, 1_000_000, Duration.ofSeconds(2), dns);
        String url = server.url("/secret").replace("127.0.0.1", "rebind.test");

        // the public answer cannot be reached here; a retry looks the name up again and gets loopback: refused
        assertThatThrownBy(() -> strict.fetch(url)).isInstanceOf(ExtractionException.class);
        assertThat(secretHits).as("the internal server was never reached").hasValue(0);
        assertThat(dns.answered).first().isEqualTo("2001:db8:0:0:0:0:0:1");
    }

    @Test
    @DisplayName("internal address ranges are recognised")
    void internalRanges() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertThat(PublicAddressResolver.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "151.101.1.69", "2606:4700::1111"}) {
            assertThat(PublicAddressResolver.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    @DisplayName("redirects are followed, bodies over the cap and HTTP errors fail clearly")
    void redirectsCapsAndErrors() {
        UrlFetcher fetcher = new UrlFetcher(true, 1000, Duration.ofSeconds(5));
        assertThat(fetcher.fetch(server.url("/redirect")).finalUri().getPath()).isEqualTo("/page");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/big"))).hasMessageContaining("larger than 1000 bytes");
        assertThatThrownBy(() -> fetcher.fetch(server.url("/missing"))).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> fetcher.fetch("ftp://example.com/x")).hasMessageContaining("not an http(s) URL");
    }

    @Test
    @DisplayName("only single-line http(s) strings count as URL documents")
    void looksLikeUrl() {
        assertThat(UrlFetcher.looksLikeUrl("https://example.com/a?b=c")).isTrue();
        assertThat(UrlFetcher.looksLikeUrl("  http://example.com  ")).isTrue();
        assertThat(UrlFetcher.looksLikeUrl("see https://example.com for details")).isFalse();
        assertThat(UrlFetcher.looksLikeUrl("https://example.com\nmore")).isFalse();
        assertThat(UrlFetcher.looksLikeUrl(null)).isFalse();
    }
}
