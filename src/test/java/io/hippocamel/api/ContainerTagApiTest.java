package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.core.Ids;
import io.hippocamel.embed.Embedder;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemorySource;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.testsupport.ServerTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /v3/container-tags}: listing with counts, profiles, delete-all, and tenancy. Memories are written through the
 * memory store (the v4 memory endpoints are another part); everything else goes over HTTP.
 */
class ContainerTagApiTest extends ServerTestSupport {

    private static final String TENANT_A = ApiKeys.tenantOf(KEY_A);

    @Autowired
    MemoryFactStore memories;

    @Autowired
    Embedder embedder;

    @Test
    @DisplayName("the list shows each tag with documents or memories, with their counts, and follows deletes")
    void listWithCounts() {
        String tag = uniqueTag("tags-list");
        String a = add("{\"content\":\"Kayaks are narrow boats.\",\"containerTag\":\"" + tag + "\"}");
        add("{\"content\":\"Canoes are open boats.\",\"containerTag\":\"" + tag + "\"}");
        awaitDone(a);
        memory(tag, "Alex paddles a kayak", a);
        memory(tag, "Alex owns two canoes");
        String memoryOnly = uniqueTag("tags-memonly");
        memory(memoryOnly, "Sam likes rivers");

        JsonNode listed = entry(get("/v3/container-tags/list"), tag);
        assertThat(listed.get("id").asText()).isEqualTo(tag);
        assertThat(listed.get("name").asText()).isEqualTo(tag);
        assertThat(listed.get("isExperimental").asBoolean()).isFalse();
        assertThat(listed.get("documentCount").asLong()).isEqualTo(2);
        assertThat(listed.get("memoryCount").asLong()).isEqualTo(2);
        assertThat(listed.get("createdAt").isTextual()).isTrue();
        assertThat(listed.get("lastActivityAt").isTextual()).isTrue();
        JsonNode onlyMemories = entry(get("/v3/container-tags/list"), memoryOnly);
        assertThat(onlyMemories.get("documentCount").asLong()).isZero();
        assertThat(onlyMemories.get("memoryCount").asLong()).isEqualTo(1);

        // deleting the document forgets the memory only it supported: both counts drop
        assertThat(delete("/v3/documents/" + a, null).status()).isEqualTo(204);
        JsonNode after = entry(get("/v3/container-tags/list"), tag);
        assertThat(after.get("documentCount").asLong()).isEqualTo(1);
        assertThat(after.get("memoryCount").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("PATCH stores a profile that GET returns; a tag with nothing in it is a 404 until patched")
    void profile() {
        String tag = uniqueTag("tags-profile");
        Response unknown = get("/v3/container-tags/" + tag);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isNotBlank();

        Response patched = patch("/v3/container-tags/" + tag, "{\"name\":\"Alex\",\"entityContext\":\"Alex, a "
                + "kayaker from Berlin\",\"memoryFilesystemPaths\":[\"/notes/**\"],"
                + "\"profileBuckets\":[{\"key\":\"boats\",\"description\":\"boats owned\"}]}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Alex");

        JsonNode got = get("/v3/container-tags/" + tag).json();
        assertThat(got.get("containerTag").asText()).isEqualTo(tag);
        assertThat(got.get("name").asText()).isEqualTo("Alex");
        assertThat(got.get("entityContext").asText()).isEqualTo("Alex, a kayaker from Berlin");
        assertThat(got.get("memoryFilesystemPaths").get(0).asText()).isEqualTo("/notes/**");
        assertThat(got.get("profileBuckets").get(0).get("key").asText()).isEqualTo("boats");
        assertThat(got.get("createdAt").isTextual()).isTrue();

        // a second patch changes only what it names
        assertThat(patch("/v3/container-tags/" + tag, "{\"entityContext\":null}").status()).isEqualTo(200);
        JsonNode again = get("/v3/container-tags/" + tag).json();
        assertThat(again.get("name").asText()).isEqualTo("Alex");
        assertThat(again.get("entityContext").isNull()).isTrue();
        assertThat(entry(get("/v3/container-tags/list"), tag).get("name").asText()).isEqualTo("Alex");
    }

    @Test
    @DisplayName("invalid patches and tags are 400s with a JSON body; no key is a 401")
    void badInput() {
        String tag = uniqueTag("tags-bad");
        assertBadRequest(patch("/v3/container-tags/" + tag, "{\"entityContext\":\"" + "x".repeat(1501) + "\"}"),
                "entityContext");
        assertBadRequest(patch("/v3/container-tags/" + tag, "{\"name\":\"\"}"), "name");
        assertBadRequest(patch("/v3/container-tags/" + tag, "{\"profileBuckets\":[{\"key\":\"static\"}]}"),
                "profileBuckets");
        assertBadRequest(patch("/v3/container-tags/" + tag, "{\"memoryFilesystemPaths\":\"/x\"}"),
                "memoryFilesystemPaths");
        assertBadRequest(patch("/v3/container-tags/" + tag, "{\"name\":"), "");
        assertBadRequest(get("/v3/container-tags/bad%20tag"), "containerTag");
        assertThat(get("/v3/container-tags/" + tag).status()).isEqualTo(404);

        Response anonymous = call("GET", "/v3/container-tags/list", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("error").asText()).isNotBlank();
        assertThat(call("DELETE", "/v3/container-tags/" + tag, null, null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("DELETE removes the tag's documents and memories, counts them, and leaves other tags alone")
    void deleteAll() {
        String tag = uniqueTag("tags-del");
        String kept = uniqueTag("tags-kept");
        String a = add("{\"content\":\"Doomed document one.\",\"containerTag\":\"" + tag + "\"}");
        add("{\"content\":\"Doomed document two.\",\"containerTag\":\"" + tag + "\"}");
        String other = add("{\"content\":\"Kept document.\",\"containerTag\":\"" + kept + "\"}");
        memory(tag, "A doomed fact", a);
        memory(tag, "Another doomed fact");
        memory(kept, "A kept fact", other);
        patch("/v3/container-tags/" + tag, "{\"name\":\"Doomed\"}");

        Response deleted = delete("/v3/container-tags/" + tag, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("success").asBoolean()).isTrue();
        assertThat(deleted.json().get("containerTag").asText()).isEqualTo(tag);
        assertThat(deleted.json().get("deletedDocumentsCount").asLong()).isEqualTo(2);
        assertThat(deleted.json().get("deletedMemoriesCount").asLong()).isEqualTo(2);

        assertThat(get("/v3/documents/" + a).status()).isEqualTo(404);
        assertThat(get("/v3/container-tags/" + tag).status()).isEqualTo(404);
        assertThat(tags(get("/v3/container-tags/list"))).doesNotContain(tag).contains(kept);
        assertThat(entry(get("/v3/container-tags/list"), kept).get("memoryCount").asLong()).isEqualTo(1);
        assertThat(get("/v3/documents/" + other).status()).isEqualTo(200);

        Response again = delete("/v3/container-tags/" + tag, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("error").asText()).isNotBlank();
    }

    @Test
    @DisplayName("another key sees none of the tenant's tags and cannot read, patch or delete them")
    void tenancy() {
        String tag = uniqueTag("tags-tenancy");
        add("{\"content\":\"Tenant A's document.\",\"containerTag\":\"" + tag + "\"}");
        memory(tag, "Tenant A's fact");
        patch("/v3/container-tags/" + tag, "{\"name\":\"Mine\"}");

        assertThat(tags(call("GET", "/v3/container-tags/list", null, KEY_B))).doesNotContain(tag);
        assertThat(call("GET", "/v3/container-tags/" + tag, null, KEY_B).status()).isEqualTo(404);
        assertThat(call("DELETE", "/v3/container-tags/" + tag, null, KEY_B).status()).isEqualTo(404);
        // B's patch creates B's own profile of the same tag name, which A never sees
        assertThat(call("PATCH", "/v3/container-tags/" + tag, "{\"name\":\"Theirs\"}", KEY_B).status())
                .isEqualTo(200);

        assertThat(get("/v3/container-tags/" + tag).json().get("name").asText()).isEqualTo("Mine");
        JsonNode mine = entry(get("/v3/container-tags/list"), tag);
        assertThat(mine.get("documentCount").asLong()).isEqualTo(1);
        assertThat(mine.get("memoryCount").asLong()).isEqualTo(1);
        JsonNode theirs = entry(call("GET", "/v3/container-tags/list", null, KEY_B), tag);
        assertThat(theirs.get("documentCount").asLong()).isZero();
        assertThat(theirs.get("memoryCount").asLong()).isZero();
    }

    private void memory(String tag, String content, String... documentIds) {
        List<MemorySource> sources = new ArrayList<>();
        for (String id : documentIds) {
            sources.add(MemorySource.of(id));
        }
        memories.put(Memory.create(Ids.newId(), TENANT_A, tag, content, Instant.now())
                .vector(embedder.embed(content)).sources(sources).build());
    }

    private static JsonNode entry(Response list, String tag) {
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode e : list.json()) {
            if (e.get("containerTag").asText().equals(tag)) {
                return e;
            }
        }
        throw new AssertionError(tag + " not listed in " + list.text());
    }

    private static List<String> tags(Response list) {
        assertThat(list.status()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        list.json().forEach(e -> out.add(e.get("containerTag").asText()));
        return out;
    }

    static void assertBadRequest(Response r, String mentioned) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isNotBlank();
        assertThat(r.json().get("error").asText() + " " + r.json().path("details").asText()).contains(mentioned);
    }
}
