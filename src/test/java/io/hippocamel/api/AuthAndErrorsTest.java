package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.ServerTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        assertThat(call("POST", "/v3/search", "{\"q\":\"Project Falcon roadmap\"}", KEY_B).json().get("results"))
                .isEmpty();
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

        Response settings = get("/v3/settings");
        assertThat(settings.status()).isEqualTo(404);
        assertThat(settings.json().get("details").asText()).contains("/v3/settings");
    }
}
