package io.hippocamel.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceException;
import io.hippocamel.ingest.UrlFetcher;
import io.hippocamel.testsupport.LocalHttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The crawler obeys the core's private-URL rule and robots.txt (rules and fetch failures, RFC 9309). */
class WebSourceTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final LocalHttpServer site = new LocalHttpServer();

    @AfterEach
    void stop() {
        site.close();
    }

    /** A two-page site whose robots.txt answers {@code robotsStatus}. */
    private WebSource siteWithRobots(int robotsStatus) {
        site.handle("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path);
            switch (path) {
                case "/robots.txt" -> LocalHttpServer.respond(ex, robotsStatus, "text/plain", "oops");
                case "/" -> LocalHttpServer.respond(ex, 200, "text/html",
                        "<title> Home\n page </title><a href='/a#top'>a</a> <a href=\"mailto:x@y\">m</a>");
                case "/a" -> LocalHttpServer.respond(ex, 200, "text/html", "<p>no title</p>");
                default -> LocalHttpServer.respond(ex, 404, "text/plain", "");
            }
        });
        return new WebSource(new UrlFetcher(true, 1 << 20, Duration.ofSeconds(5)), URI.create(site.url("/")), 10, 2,
                true);
    }

    @Test
    @DisplayName("with allow-private-urls off, a loopback start URL is refused and nothing is listed")
    void privateUrlsRefused() {
        site.handle("/", ex -> LocalHttpServer.respond(ex, 200, "text/html", "<title>t</title>"));
        WebSource source = new WebSource(new UrlFetcher(false, 1 << 20, Duration.ofSeconds(5)),
                URI.create(site.url("/")), 10, 2, true);
        assertThatThrownBy(() -> source.changes(null, Set.of())).isInstanceOf(SourceException.class)
                .hasMessageContaining("private or loopback");
    }

    @Test
    @DisplayName("robots.txt answering 5xx disallows everything: the run fails and no page is fetched")
    void robotsServerErrorDisallows() {
        WebSource source = siteWithRobots(503);
        assertThatThrownBy(() -> source.changes(null, Set.of())).isInstanceOf(SourceException.class)
                .hasMessageContaining("robots.txt").hasMessageContaining("503")
                .satisfies(e -> assertThat(((SourceException) e).code())
                        .isEqualTo(SourceException.Code.PROVIDER_UNAVAILABLE));
        assertThat(requests).containsOnly("/robots.txt");
    }

    @Test
    @DisplayName("robots.txt answering 4xx allows everything; links and titles come from the parsed HTML")
    void robotsNotFoundAllows() {
        SourceClient.Listing listing = siteWithRobots(404).changes(null, Set.of());
        assertThat(listing.items()).extracting(SourceClient.SourceItem::sourceId)
                .containsExactly(site.url("/"), site.url("/a"));
        assertThat(listing.items()).extracting(SourceClient.SourceItem::title)
                .containsExactly("Home page", site.url("/a"));
    }

    @Test
    @DisplayName("robots.txt rules: our group over *, longest match wins, Allow wins ties, * and $ patterns")
    void robots() {
        BaseRobotRules rules = rules("""
                User-agent: *
                Disallow: /

                User-agent: Hippocamel
                Disallow: /private/
                Allow: /private/open
                Disallow: /*.pdf$
                """);
        assertThat(rules.isAllowed("http://site.test/about")).isTrue();
        assertThat(rules.isAllowed("http://site.test/private/x")).isFalse();
        assertThat(rules.isAllowed("http://site.test/private/open/page")).isTrue();
        assertThat(rules.isAllowed("http://site.test/files/a.pdf")).isFalse();
        assertThat(rules.isAllowed("http://site.test/files/a.pdf?x=1")).isTrue();
        assertThat(rules("User-agent: *\nDisallow: /\n").isAllowed("http://site.test/a")).isFalse();
        assertThat(rules("").isAllowed("http://site.test/a")).isTrue();
    }

    /** Parsed as WebSource parses them, for our agent name. */
    private static BaseRobotRules rules(String robotsTxt) {
        return new SimpleRobotRulesParser().parseContent("http://site.test/robots.txt",
                robotsTxt.getBytes(StandardCharsets.UTF_8), "text/plain", List.of(WebSource.AGENT));
    }
}
