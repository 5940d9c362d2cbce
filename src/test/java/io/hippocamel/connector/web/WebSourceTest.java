package io.hippocamel.connector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.connector.SourceException;
import io.hippocamel.ingest.UrlFetcher;
import io.hippocamel.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The crawler obeys the core's private-URL rule and robots.txt's precedence rules. */
class WebSourceTest {

    @Test
    @DisplayName("with allow-private-urls off, a loopback start URL is refused and nothing is listed")
    void privateUrlsRefused() {
        try (LocalHttpServer site = new LocalHttpServer().handle("/", ex ->
                LocalHttpServer.respond(ex, 200, "text/html", "<title>t</title>"))) {
            WebSource source = new WebSource(new UrlFetcher(false, 1 << 20, Duration.ofSeconds(5)),
                    URI.create(site.url("/")), 10, 2, true);
            assertThatThrownBy(() -> source.changes(null)).isInstanceOf(SourceException.class)
                    .hasMessageContaining("private or loopback");
        }
    }

    @Test
    @DisplayName("robots.txt: our group over *, longest match wins, Allow wins ties, * and $ patterns")
    void robots() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /

                User-agent: hippocamel
                Disallow: /private/
                Allow: /private/open
                Disallow: /*.pdf$
                """, WebSource.AGENT);
        assertThat(rules.allows("/about")).isTrue();
        assertThat(rules.allows("/private/x")).isFalse();
        assertThat(rules.allows("/private/open/page")).isTrue();
        assertThat(rules.allows("/files/a.pdf")).isFalse();
        assertThat(rules.allows("/files/a.pdf?x=1")).isTrue();
        assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", WebSource.AGENT).allows("/a")).isFalse();
        assertThat(RobotsRules.parse("", WebSource.AGENT).allows("/a")).isTrue();
    }
}
