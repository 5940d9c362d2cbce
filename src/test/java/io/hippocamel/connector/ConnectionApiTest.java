package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.connector.notion.FakeNotion;
import io.hippocamel.testsupport.ServerTestSupport.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /v3/connections}: Supermemory's shapes, connectors visible only to the tenant that owns their documents
 * (the first API key's), no settings or secrets in any answer, clear errors.
 */
class ConnectionApiTest extends ConnectorTestSupport {

    @Test
    @DisplayName("list shows every configured connector to the owning tenant, in Supermemory's shape, no secrets")
    void list() {
        Response r = post("/v3/connections/list", "{}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).extracting(c -> c.path("id").asText()).contains("files-test", "drive-test",
                "notion-test", "disabled-example");
        JsonNode drive = find(r.json(), "drive-test");
        assertThat(drive.path("provider").asText()).isEqualTo("google-drive");
        assertThat(drive.path("documentLimit").asInt()).isEqualTo(10_000);
        assertThat(drive.path("containerTags").get(0).asText()).isEqualTo("drive-test");
        assertThat(drive.path("metadata").path("schedule").asText()).isEqualTo("0 0 3 1 1 ? 2099");
        assertThat(drive.has("lastSyncRun")).isTrue();
        assertThat(find(r.json(), "disabled-example").path("metadata").path("enabled").asBoolean()).isFalse();
        assertThat(r.text()).doesNotContain("1//refresh-token", "client-secret", FakeNotion.TOKEN, "settings");
    }

    @Test
    @DisplayName("list filters by containerTags; get answers one connection or 404")
    void filterAndGet() {
        Response r = post("/v3/connections/list", "{\"containerTags\":[\"notion-test\"]}");
        assertThat(r.json()).extracting(c -> c.path("id").asText()).containsExactly("notion-test");

        assertThat(get("/v3/connections/notion-test").json().path("provider").asText()).isEqualTo("notion");
        Response missing = get("/v3/connections/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").asText()).isEqualTo("Connection not found");
    }

    @Test
    @DisplayName("another tenant sees no connections, cannot trigger them, and gets none of their documents")
    void otherTenant() {
        Response list = call("POST", "/v3/connections/list", "{}", KEY_B);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).isEmpty();
        assertThat(call("GET", "/v3/connections/files-test", null, KEY_B).status()).isEqualTo(404);
        assertThat(call("POST", "/v3/connections/filesystem/import", "{}", KEY_B).status()).isEqualTo(404);
        Response docs = call("POST", "/v3/connections/filesystem/documents", "{}", KEY_B);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()).isEmpty();
    }

    @Test
    @DisplayName("errors: no key 401, unknown provider 400, no enabled connection 404, malformed JSON 400")
    void errors() {
        assertThat(call("POST", "/v3/connections/list", "{}", null).status()).isEqualTo(401);
        Response unknown = post("/v3/connections/dropbox/import", "{}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("details").asText()).contains("unknown provider 'dropbox'");
        assertThat(post("/v3/connections/notion/import", "{\"containerTags\":[\"nowhere\"]}").status())
                .as("only a disabled connector has that tag").isEqualTo(404);
        assertThat(post("/v3/connections/list", "{\"containerTags\":").status()).isEqualTo(400);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode c : list) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no connection " + id + " in " + list);
    }
}
