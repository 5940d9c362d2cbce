package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The web connector end to end against a local site: same-host links followed to maxDepth, robots.txt honoured,
 * 404s and other hosts left out; a changed page re-processed, an unlinked page deleted, a quiet run.
 */
class WebSyncTest extends ConnectorTestSupport {

    @Test
    @DisplayName("a site is crawled within its rules, then changes and unlinked pages are mirrored")
    void crawlsASite() {
        SITE.put("/robots.txt", "User-agent: *\nDisallow: /private/\n");
        SITE.put("/", page("Harbour home", "Welcome to the harbour of Saint-Malo.",
                "/about", "/private/secret", "/news?id=1", "http://other.example/x", "#top", "/missing"));
        SITE.put("/about", page("About the harbour", "The harbour master rings the bell at noon.", "/deep/1"));
        SITE.put("/news?id=1", page("News", "The ferry to Jersey is back in service.", "/"));
        SITE.put("/deep/1", page("Deep one", "Two hops from home.", "/deep/2"));
        SITE.put("/deep/2", page("Deep two", "Three hops: too deep.", "/"));
        SITE.put("/private/secret", page("Secret", "robots.txt says no.", "/"));

        JsonNode first = sync("web", "web-test");

        counts(first, 4, 0, 0);
        assertThat(awaitDoneByCustomId(ConnectorSync.customId("web-test", WEB.url("/about"))).path("content")
                .asText()).contains("rings the bell at noon");
        JsonNode home = awaitDoneByCustomId(ConnectorSync.customId("web-test", WEB.url("/")));
        assertThat(home.path("metadata").path("title").asText()).isEqualTo("Harbour home");
        assertThat(home.path("metadata").path("url").asText()).isEqualTo(WEB.url("/"));
        assertThat(SITE_REQUESTS).doesNotContain("/private/secret", "/deep/2").contains("/robots.txt", "/missing");

        SITE.put("/", page("Harbour home", "Welcome to the harbour of Saint-Malo.", "/about"));
        SITE.put("/about", page("About the harbour", "The harbour master now rings the bell at dusk.", "/deep/1"));

        counts(sync("web", "web-test"), 0, 2, 1); // home (its links changed) and about
        assertThat(awaitDoneByCustomId(ConnectorSync.customId("web-test", WEB.url("/about"))).path("content")
                .asText()).contains("at dusk");
        assertThat(get("/v3/documents/" + ConnectorSync.customId("web-test", WEB.url("/news?id=1"))).status())
                .isEqualTo(404);

        counts(sync("web", "web-test"), 0, 0, 0);
    }

    private static String page(String title, String text, String... links) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>").append(title)
                .append("</title></head><body><h1>").append(title).append("</h1><p>").append(text).append("</p>");
        for (String link : links) {
            html.append("<a class=\"nav\" href=\"").append(link).append("\">link</a> ");
        }
        return html.append("</body></html>").toString();
    }
}
