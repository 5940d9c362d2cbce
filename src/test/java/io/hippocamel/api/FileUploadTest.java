package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import io.hippocamel.testsupport.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** POST /v3/documents/file: real files through multipart, Tika and the pipeline. */
class FileUploadTest extends ServerTestSupport {

    @Test
    @DisplayName("a PDF upload is parsed, titled, tagged and searchable")
    void pdf() {
        String tag = uniqueTag("pdf");
        Response r = upload("plan.pdf", "application/pdf", TestFiles.pdf("Migration plan",
                "Phase one moves the billing database to Postgres.", "Phase two retires the mainframe."),
                "containerTag", tag, "metadata", "{\"dept\":\"finance\"}", "customId", "plan-" + tag);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode doc = awaitDone(r.json().get("id").asText());
        assertThat(doc.get("title").asText()).isEqualTo("Migration plan");
        assertThat(doc.get("type").asText()).isEqualTo("pdf");
        assertThat(doc.get("customId").asText()).isEqualTo("plan-" + tag);
        assertThat(doc.get("metadata").get("dept").asText()).isEqualTo("finance");
        assertThat(doc.get("content").asText()).contains("billing database");
        JsonNode results = post("/v3/search", "{\"q\":\"which database does billing move to\",\"containerTag\":\""
                + tag + "\"}").json().get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("title").asText()).isEqualTo("Migration plan");
    }

    @Test
    @DisplayName("DOCX and Markdown uploads reach done with their text")
    void docxAndMarkdown() {
        String tag = uniqueTag("docx");
        Response docx = upload("policy.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestFiles.docx("Travel policy", "Economy class for flights under six hours."), "containerTag", tag);
        Response md = upload("notes.md", "text/markdown",
                "# Standup\n\nDana is blocked on the API review.".getBytes(StandardCharsets.UTF_8),
                "containerTags", "[\"" + tag + "\"]");
        assertThat(awaitDone(docx.json().get("id").asText()).get("content").asText()).contains("Economy class");
        JsonNode mdDoc = awaitDone(md.json().get("id").asText());
        assertThat(mdDoc.get("content").asText()).contains("Dana is blocked");
        assertThat(mdDoc.get("containerTags").get(0).asText()).isEqualTo(tag);
    }

    @Test
    @DisplayName("an unparseable file is accepted, then fails with a reason GET shows")
    void unparseableFileFails() {
        Response r = upload("broken.pdf", "application/pdf", "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8),
                "containerTag", uniqueTag("broken"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode doc = awaitFinal(r.json().get("id").asText());
        assertThat(doc.get("status").asText()).isEqualTo("failed");
        assertThat(doc.get("error").asText()).isNotBlank();
    }

    @Test
    @DisplayName("not multipart is 415, no file is 400, a file over the limit is 413")
    void badUploads() {
        Response json = post("/v3/documents/file", "{\"content\":\"x\"}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().get("error").asText()).isNotBlank();

        Response empty = upload("empty.txt", "text/plain", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);

        Response big = upload("big.txt", "text/plain", new byte[6 * 1024 * 1024]);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("error").asText()).isEqualTo("File too large");

        Response badMeta = upload("a.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8), "metadata", "{oops");
        assertThat(badMeta.status()).isEqualTo(400);
    }

    private Response multipart(String contentType, String body) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/v3/documents/file"))
                    .header("Authorization", "Bearer " + KEY_A).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), JSON.readTree(r.body()), r.body(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("a multipart body without a boundary, or cut short, is a 400 JSON error")
    void malformedMultipart() {
        String part = "--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello";
        Response noBoundary = multipart("multipart/form-data", part + "\r\n--b1--\r\n");
        Response truncated = multipart("multipart/form-data; boundary=b1", part);
        for (Response r : List.of(noBoundary, truncated)) {
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("Malformed multipart body");
        }
    }
}
