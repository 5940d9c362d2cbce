package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.http.PublicAddressResolver;
import io.hippocamel.testsupport.LocalHttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
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
     * A name that answers {@code first} to its first lookup and loopback to every later one, as a rebinding
     * attacker's DNS does.
     */
    private static final class RebindingDns implements DnsResolver {
        final List<String> answered = new CopyOnWriteArrayList<>();
        private final String first;

        RebindingDns(String first) {
            this.first = first;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals("rebind.test")) {
                throw new UnknownHostException(host);
            }
            InetAddress answer = InetAddress.getByName(answered.isEmpty() ? first : "127.0.0.1");
            answered.add(answer.getHostAddress());
            return new InetAddress[] {answer};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }

    /**
     * Sockets that record the address the client connects to and then connect to the same port on loopback instead,
     * so the test sees where a connection was aimed while no packet leaves the machine.
     */
    private static final class LoopbackSockets implements DetachedSocketFactory {
        final List<String> connectedTo = new CopyOnWriteArrayList<>();

        @Override
        public Socket create(Proxy proxy) {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    InetSocketAddress target = (InetSocketAddress) endpoint;
                    connectedTo.add(target.getAddress().getHostAddress());
                    super.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getPort()), timeout);
                }
            };
        }
    }

    @Test
    @DisplayName("DNS rebinding: the connection goes to the address that was checked, never to a later answer")
    void dnsRebinding() {
        RebindingDns dns = new RebindingDns("203.0.113.7");
        LoopbackSockets sockets = new LoopbackSockets();
        UrlFetcher strict = new UrlFetcher(false, 1_000_000, Duration.ofSeconds(5), dns, sockets);

        UrlFetcher.Fetched fetched = strict.fetch(server.url("/page").replace("127.0.0.1", "rebind.test"));

        // resolving again for the connection would have aimed it at the loopback answer
        assertThat(sockets.connectedTo).as("connected to the checked answer only").containsExactly("203.0.113.7");
        assertThat(dns.answered).as("one lookup for the one connection").containsExactly("203.0.113.7");
        assertThat(new String(fetched.body())).contains("hello page");
    }

    @Test
    @DisplayName("a name that answers an internal address is refused before any connection")
    void internalAnswerRefusedWithoutConnecting() {
        RebindingDns dns = new RebindingDns("10.1.2.3");
        LoopbackSockets sockets = new LoopbackSockets();
        UrlFetcher strict = new UrlFetcher(false, 1_000_000, Duration.ofSeconds(5), dns, sockets);

        assertThatThrownBy(() -> strict.fetch(server.url("/secret").replace("127.0.0.1", "rebind.test")))
                .isInstanceOf(ExtractionException.class).hasMessageContaining("private or loopback");
        assertThat(dns.answered).as("the refused lookup was the first").startsWith("10.1.2.3");
        assertThat(sockets.connectedTo).as("no connection attempt").isEmpty();
        assertThat(secretHits).hasValue(0);
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
