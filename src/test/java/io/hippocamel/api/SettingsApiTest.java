package io.hippocamel.api;

import static io.hippocamel.api.ContainerTagApiTest.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GET and PATCH /v3/settings: per tenant, validated with Supermemory's limits. */
class SettingsApiTest extends ServerTestSupport {

    /** The server (and its tenants) is shared with other test classes: leave both tenants on the defaults. */
    @AfterEach
    void resetSettings() {
        String defaults = "{\"shouldLLMFilter\":false,\"filterPrompt\":null,\"includeItems\":null,"
                + "\"excludeItems\":null,\"chunkSize\":-1,\"workspacePrompt\":null,\"profileBuckets\":null}";
        assertThat(patch("/v3/settings", defaults).status()).isEqualTo(200);
        assertThat(call("PATCH", "/v3/settings", defaults, KEY_B).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a tenant's chunkSize applies to its new documents")
    void chunkSizeApplies() {
        String text = "Kayaks are narrow boats moved with a double-bladed paddle by one sitting person. ".repeat(40);
        String tag = uniqueTag("chunk-size");
        int byDefault = chunkCount(add("{\"content\":" + quote(text) + ",\"containerTag\":\"" + tag + "\"}"));

        assertThat(patch("/v3/settings", "{\"chunkSize\":128}").status()).isEqualTo(200);
        int small = chunkCount(add("{\"content\":" + quote(text + " Small.") + ",\"containerTag\":\"" + tag
                + "\"}"));

        assertThat(small).isGreaterThan(byDefault);
        // another tenant keeps the configured size
        Response other = call("POST", "/v3/documents", "{\"content\":" + quote(text) + "}", KEY_B);
        String otherId = other.json().get("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "done".equals(call("GET", "/v3/documents/" + otherId, null, KEY_B).json().path("status").asText()));
        assertThat(call("GET", "/v3/documents/" + otherId + "/chunks", null, KEY_B).json().get("total").asInt())
                .isEqualTo(byDefault);
    }

    private int chunkCount(String id) {
        awaitDone(id);
        return get("/v3/documents/" + id + "/chunks").json().get("total").asInt();
    }

    @Test
    @DisplayName("PATCH answers with what changed, GET returns it merged with earlier patches; another key sees none")
    void patchAndGet() {
        // what opencode-supermemory sends at start
        Response r = patch("/v3/settings", "{\"shouldLLMFilter\":true,\"filterPrompt\":\"Coding sessions of a "
                + "developer: keep preferences and project facts.\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("orgId").asText()).isNotBlank();
        assertThat(r.json().get("orgSlug").asText()).isNotBlank();
        assertThat(r.json().get("updated").get("shouldLLMFilter").asBoolean()).isTrue();
        assertThat(r.json().get("updated").has("chunkSize")).isFalse();

        Response second = patch("/v3/settings", "{\"chunkSize\":512,\"includeItems\":[\"preferences\"],"
                + "\"workspacePrompt\":\"A small team.\",\"profileBuckets\":[{\"key\":\"tools\","
                + "\"description\":\"tools used\"}],\"googleDriveCustomKeyEnabled\":false}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("updated").get("chunkSize").asInt()).isEqualTo(512);

        JsonNode settings = get("/v3/settings").json();
        assertThat(settings.get("shouldLLMFilter").asBoolean()).isTrue();
        assertThat(settings.get("filterPrompt").asText()).startsWith("Coding sessions");
        assertThat(settings.get("chunkSize").asInt()).isEqualTo(512);
        assertThat(settings.get("includeItems").get(0).asText()).isEqualTo("preferences");
        assertThat(settings.get("workspacePrompt").asText()).isEqualTo("A small team.");
        assertThat(settings.get("profileBuckets").get(0).get("key").asText()).isEqualTo("tools");
        assertThat(settings.has("googleDriveCustomKeyEnabled")).isFalse();

        JsonNode other = call("GET", "/v3/settings", null, KEY_B).json();
        assertThat(other.get("shouldLLMFilter").asBoolean()).isFalse();
        assertThat(other.get("filterPrompt").isNull()).isTrue();
        assertThat(other.get("chunkSize").asInt()).isEqualTo(-1);
    }

    @Test
    @DisplayName("invalid settings are 400s with a JSON body and change nothing; no key is a 401")
    void badInput() {
        assertBadRequest(call("PATCH", "/v3/settings", "{\"filterPrompt\":\"only with the filter on\"}", KEY_B),
                "shouldLLMFilter");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"shouldLLMFilter\":true,\"filterPrompt\":\""
                + "x".repeat(751) + "\"}", KEY_B), "filterPrompt");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"shouldLLMFilter\":\"yes\"}", KEY_B), "shouldLLMFilter");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"chunkSize\":100}", KEY_B), "chunkSize");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"chunkSize\":1.5}", KEY_B), "chunkSize");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"workspacePrompt\":\"" + "x".repeat(1501) + "\"}", KEY_B),
                "workspacePrompt");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"shouldLLMFilter\":true,\"excludeItems\":[\""
                + "x".repeat(21) + "\"]}", KEY_B), "excludeItems");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"profileBuckets\":[{\"key\":\"Bad Key\"}]}", KEY_B),
                "profileBuckets");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"profileBuckets\":[{\"key\":\"dynamic\"}]}", KEY_B),
                "profileBuckets");
        assertBadRequest(call("PATCH", "/v3/settings", "[1]", KEY_B), "");
        assertBadRequest(call("PATCH", "/v3/settings", "{\"chunkSize\":", KEY_B), "");

        JsonNode unchanged = call("GET", "/v3/settings", null, KEY_B).json();
        assertThat(unchanged.get("shouldLLMFilter").asBoolean()).isFalse();
        assertThat(unchanged.get("chunkSize").asInt()).isEqualTo(-1);
        assertThat(unchanged.get("profileBuckets").isNull()).isTrue();

        Response anonymous = call("PATCH", "/v3/settings", "{}", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isNotBlank();
        assertThat(call("GET", "/v3/settings", null, null).status()).isEqualTo(401);
    }
}
