package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.testsupport.LocalHttpServer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UrlFetcherTest {

    private LocalHttpServer server;

    @BeforeEach
    void start() {
        server = new LocalHttpServer()
                .handle("/page", ex -> LocalHttpServer.respond(ex, 200, "text/html", "<p>hello page</p>"))
                .handle("/big", ex -> LocalHttpServer.respond(ex, 200, "text/plain", new byte[5000]))
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

    @Test
    @DisplayName("internal address ranges are recognised")
    void internalRanges() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "::1", "fd00::1", "fe80::1"}) {
            assertThat(UrlFetcher.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "151.101.1.69", "2606:4700::1111"}) {
            assertThat(UrlFetcher.isInternal(InetAddress.getByName(external))).as(external).isFalse();
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
