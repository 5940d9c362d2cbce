package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.LocalHttpServer;
import io.hippocamel.testsupport.ServerTestSupport;
import io.hippocamel.testsupport.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** URL documents fetched over real HTTP (private URLs are allowed in the test configuration). */
class UrlDocumentTest extends ServerTestSupport {

    private LocalHttpServer site;

    @BeforeEach
    void startSite() {
        site = new LocalHttpServer()
                .handle("/article", ex -> LocalHttpServer.respond(ex, 200, "text/html; charset=utf-8",
                        TestFiles.html("Bees and clover", "Bumblebees prefer red clover over white clover.")))
                .handle("/paper.pdf", ex -> LocalHttpServer.respond(ex, 200, "application/pdf",
                        TestFiles.pdf("Soil study", "Nitrogen levels doubled after cover cropping.")));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    @DisplayName("a web page URL is fetched, parsed to text with its title, type webpage")
    void webPage() {
        String tag = uniqueTag("url");
        String id = add("{\"content\":\"" + site.url("/article") + "\",\"containerTag\":\"" + tag + "\"}");
        JsonNode doc = awaitDone(id);
        assertThat(doc.get("type").asText()).isEqualTo("webpage");
        assertThat(doc.get("title").asText()).isEqualTo("Bees and clover");
        assertThat(doc.get("url").asText()).isEqualTo(site.url("/article"));
        assertThat(doc.get("content").asText()).contains("red clover");
        assertThat(post("/v4/search", "{\"q\":\"what clover do bumblebees like\",\"containerTag\":\"" + tag + "\"}")
                .json().get("results")).isNotEmpty();
    }

    @Test
    @DisplayName("a PDF URL is typed pdf")
    void pdfUrl() {
        String id = add("{\"content\":\"" + site.url("/paper.pdf") + "\",\"containerTag\":\"" + uniqueTag("url")
                + "\"}");
        JsonNode doc = awaitDone(id);
        assertThat(doc.get("type").asText()).isEqualTo("pdf");
        assertThat(doc.get("content").asText()).contains("Nitrogen");
    }

    @Test
    @DisplayName("an unreachable page fails the document with the HTTP status as reason")
    void missingPageFails() {
        String id = add("{\"content\":\"" + site.url("/nothing-here") + "\",\"containerTag\":\"" + uniqueTag("url")
                + "\"}");
        JsonNode doc = awaitFinal(id);
        assertThat(doc.get("status").asText()).isEqualTo("failed");
        assertThat(doc.get("error").asText()).contains("HTTP 404");
    }
}
