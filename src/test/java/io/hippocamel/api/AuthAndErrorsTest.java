package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.core.MetadataFilter;
import io.hippocamel.testsupport.ServerTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Authentication, tenant isolation and the JSON error contract at the HTTP edge. */
class AuthAndErrorsTest extends ServerTestSupport {

    @Test
    @DisplayName("health needs no key")
    void health() {
        Response r = call("GET", "/health", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    @DisplayName("no key or a wrong key is a 401 JSON error")
    void unauthorized() {
        Response none = call("POST", "/v4/search", "{\"q\":\"x\"}", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("Unauthorized");
        Response wrong = call("GET", "/v3/documents/processing", null, "sm_wrong");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("details").asText()).isEqualTo("Invalid API key");
    }

    @Test
    @DisplayName("one key's documents are invisible to another key: get, search, list, delete")
    void tenantsAreIsolated() {
        String tag = uniqueTag("tenant");
        String id = add("{\"content\":\"Tenant A's private roadmap mentions Project Falcon.\",\"containerTag\":\""
                + tag + "\",\"customId\":\"secret-" + tag + "\"}");
        awaitDone(id);
        assertThat(call("GET", "/v3/documents/" + id, null, KEY_B).status()).isEqualTo(404);
        assertThat(call("GET", "/v3/documents/secret-" + tag, null, KEY_B).status()).isEqualTo(404);
        assertThat(call("POST", "/v4/search", "{\"q\":\"Project Falcon roadmap\",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}", KEY_B).json().get("results")).isEmpty();
        // tenant-wide: B's own documents (other tests add some) may match, A's never
        assertThat(call("POST", "/v3/search", "{\"q\":\"Project Falcon roadmap\"}", KEY_B).json().get("results"))
                .noneMatch(r -> r.get("documentId").asText().equals(id) || r.toString().contains("Falcon"));
        assertThat(call("POST", "/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"]}", KEY_B).json()
                .get("pagination").get("totalItems").asInt()).isZero();
        assertThat(call("DELETE", "/v3/documents/" + id, null, KEY_B).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v3/documents/bulk", "{\"containerTags\":[\"" + tag + "\"]}", KEY_B).json()
                .get("deletedCount").asInt()).isZero();
        // and tenant A still has it
        assertThat(post("/v4/search", "{\"q\":\"Project Falcon roadmap\",\"containerTag\":\"" + tag
                + "\",\"threshold\":0}").json().get("results")).hasSize(1);
    }

    @Test
    @DisplayName("bad input is a 400 with error and details, never a stack trace")
    void badInput() {
        Response malformed = post("/v3/documents", "{\"content\": \"unterminated");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("Malformed JSON");
        assertThat(malformed.text()).doesNotContain("at com.").doesNotContain("Exception");

        Response badTag = post("/v3/documents", "{\"content\":\"x\",\"containerTag\":\"has space\"}");
        assertThat(badTag.status()).isEqualTo(400);
        assertThat(badTag.json().get("details").asText()).contains("containerTag");

        assertThat(post("/v3/documents", "{\"content\":42}").status()).isEqualTo(400);
        assertThat(post("/v3/documents", "{}").json().get("details").asText()).contains("content is required");
        assertThat(post("/v3/documents", "{\"content\":\"x\",\"metadata\":{\"nested\":{\"a\":1}}}").status())
                .isEqualTo(400);
        assertThat(post("/v3/documents", "[\"x\"]").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("unknown paths and unknown documents are 404 JSON errors")
    void notFound() {
        Response path = call("GET", "/v3/nothing/here", null, KEY_A);
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().get("error").asText()).isNotBlank();
        Response doc = get("/v3/documents/doesNotExist");
        assertThat(doc.status()).isEqualTo(404);
        assertThat(doc.json().get("error").asText()).isEqualTo("Document not found");
    }

    @Test
    @DisplayName("a JSON body sent as a form, or XML, is a 415 JSON error; unknown /v3 paths are 404 even with a key")
    void wrongMediaTypeAndUnknownV3Paths() throws Exception {
        HttpResponse<String> form = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/documents"))
                        .header("Authorization", "Bearer " + KEY_A)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(form.body()).get("error").asText()).isEqualTo("Unsupported media type");

        Response unknown = get("/v3/no-such-endpoint");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("details").asText()).contains("/v3/no-such-endpoint");
    }

    @Test
    @DisplayName("without a valid key, a 55 MiB upload or JSON body is refused with 401 before it is read")
    void keyIsCheckedBeforeTheBodyIsRead() throws Exception {
        long announced = 55L * 1024 * 1024;
        String boundary = "----hippocamel-unread";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\""
                + "\r\nContent-Type: text/plain\r\n\r\n" + "x".repeat(1000)).getBytes(StandardCharsets.US_ASCII);
        String upload = raw("POST /v3/documents/file HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + announced
                + "\r\n\r\n", start);
        assertThat(rawStatus(upload)).as(upload).isEqualTo(401);
        assertThat(rawJson(upload).get("error").asText()).isEqualTo("Unauthorized");

        String search = raw("POST /v4/search HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer sm_wrong\r\nContent-Type: application/json\r\nContent-Length: " + announced
                + "\r\n\r\n", "{\"q\":\"".getBytes(StandardCharsets.US_ASCII));
        assertThat(rawStatus(search)).as(search).isEqualTo(401);
        assertThat(rawJson(search).get("details").asText()).isEqualTo("Invalid API key");
    }

    @Test
    @DisplayName("an upload over the multipart limit is a 413 JSON error, also before its body is read")
    void uploadOverTheMultipartLimit() throws Exception {
        String boundary = "----hippocamel-huge";
        String answer = raw("POST /v3/documents/file HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + KEY_A + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                + "\r\nContent-Length: " + 200L * 1024 * 1024 + "\r\n\r\n",
                ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(rawStatus(answer)).as(answer).isEqualTo(413);
        assertThat(rawJson(answer).get("error").asText()).isNotBlank();
    }

    @Test
    @DisplayName("bad percent-encoding in a path is a 400 JSON error, not Tomcat's HTML page")
    void badPercentEncoding() throws Exception {
        String answer = raw("GET /v3/documents/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Authorization: Bearer " + KEY_A + "\r\n\r\n", new byte[0]);
        assertThat(rawStatus(answer)).as(answer).isEqualTo(400);
        assertThat(answer).doesNotContain("<html");
        assertThat(rawJson(answer).get("error").asText()).isEqualTo("Bad Request");
    }

    @Test
    @DisplayName("GET /error is a 404 JSON error")
    void errorPathIsNotAnEndpoint() {
        Response r = call("GET", "/error", null, null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).isEqualTo("Not Found");
    }

    @Test
    @DisplayName("a body that is not UTF-8 (UTF-16, stray bytes) is a 400 JSON error")
    void bodyNotUtf8() {
        byte[] utf16 = "{\"q\":\"x\"}".getBytes(StandardCharsets.UTF_16);
        byte[] stray = {'{', '"', 'q', '"', ':', '"', (byte) 0xc3, '(', '"', '}'};
        for (byte[] body : new byte[][] {utf16, stray}) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/search"))
                    .header("Authorization", "Bearer " + KEY_A).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"error\"").contains("UTF-8");
        }
    }

    @Test
    @DisplayName("trailing data after the JSON body and typed fields of the wrong type are 400s naming the field")
    void strictBodies() {
        Response trailing = post("/v3/search", "{\"q\":\"x\"}}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.json().get("error").asText()).isEqualTo("Malformed JSON");

        Response include = post("/v4/search", "{\"q\":\"x\",\"include\":\"documents\"}");
        assertThat(include.status()).isEqualTo(400);
        assertThat(include.json().get("details").asText()).isEqualTo("include must be an object");
        Response includeDocuments = post("/v4/search", "{\"q\":\"x\",\"include\":{\"documents\":\"yes\"}}");
        assertThat(includeDocuments.status()).isEqualTo(400);
        assertThat(includeDocuments.json().get("details").asText()).isEqualTo("include.documents must be a boolean");
        Response ids = delete("/v3/documents/bulk", "{\"ids\":[{\"id\":\"x\"}]}");
        assertThat(ids.status()).isEqualTo(400);
        assertThat(ids.json().get("details").asText()).contains("ids");
    }

    @Test
    @DisplayName("a string_contains value over the limit is a 400 on every endpoint with filters; one at it works")
    void longStringContainsValue() {
        String tooLong = "{\"AND\":[{\"key\":\"note\",\"filterType\":\"string_contains\",\"value\":\""
                + "a".repeat(400) + "\"}]}";
        for (String[] call : new String[][] {{"/v3/search", "\"q\":\"x\","}, {"/v4/search", "\"q\":\"x\","},
                {"/v3/documents/list", ""}}) {
            Response r = post(call[0], "{" + call[1] + "\"filters\":" + tooLong + "}");
            assertThat(r.status()).as(call[0] + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("Invalid filters");
            assertThat(r.json().get("details").asText()).contains("string_contains")
                    .contains(String.valueOf(MetadataFilter.MAX_CONTAINS_CHARS));
        }
        String atLimit = "{\"AND\":[{\"key\":\"note\",\"filterType\":\"string_contains\",\"ignoreCase\":true,"
                + "\"value\":\"" + "\\u0130".repeat(MetadataFilter.MAX_CONTAINS_CHARS) + "\"}]}";
        Response ok = post("/v4/search", "{\"q\":\"x\",\"filters\":" + atLimit + "}");
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
