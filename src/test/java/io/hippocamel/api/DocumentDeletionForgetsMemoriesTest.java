package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.core.Ids;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.Embedder;
import io.hippocamel.memory.Memory;
import io.hippocamel.memory.MemoryFactStore;
import io.hippocamel.memory.MemorySource;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.testsupport.ServerTestSupport;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deleting a document over HTTP, by any route, forgets the memories only it supported and detaches it from the
 * others. Memories are written through the memory store (their endpoints are another part).
 */
class DocumentDeletionForgetsMemoriesTest extends ServerTestSupport {

    private static final String TENANT_A = ApiKeys.tenantOf(KEY_A);

    @Autowired
    MemoryFactStore memories;

    @Autowired
    Embedder embedder;

    @Test
    @DisplayName("DELETE /v3/documents/{id}: a memory only it supported is forgotten, one it shares survives")
    void singleDelete() {
        String tag = uniqueTag("forget-one");
        String d = add("{\"content\":\"Alex moved to Berlin.\",\"containerTag\":\"" + tag + "\"}");
        String e = add("{\"content\":\"Alex lives in Berlin now.\",\"containerTag\":\"" + tag + "\"}");
        String onlyD = memory(tag, "Alex moved to Berlin", d);
        String both = memory(tag, "Alex lives in Berlin", d, e);
        String onlyE = memory(tag, "Alex likes Berlin", e);

        assertThat(delete("/v3/documents/" + d, null).status()).isEqualTo(204);

        Memory forgotten = stored(tag, onlyD);
        assertThat(forgotten.isForgotten()).isTrue();
        assertThat(forgotten.sourceDocumentIds()).containsExactly(d); // its provenance is kept
        Memory survivor = stored(tag, both);
        assertThat(survivor.isForgotten()).isFalse();
        assertThat(survivor.sourceDocumentIds()).containsExactly(e);
        assertThat(stored(tag, onlyE).isForgotten()).isFalse();
    }

    @Test
    @DisplayName("DELETE /v3/documents/bulk by ids and by container tags forgets what only those documents supported")
    void bulkDeletes() {
        String tag = uniqueTag("forget-bulk");
        String gone = uniqueTag("forget-tag");
        String f = add("{\"content\":\"Sam plays chess.\",\"containerTag\":\"" + tag + "\"}");
        String kept = add("{\"content\":\"Sam plays go.\",\"containerTag\":\"" + tag + "\"}");
        String g = add("{\"content\":\"Kim sails.\",\"containerTag\":\"" + gone + "\"}");
        String byF = memory(tag, "Sam plays chess", f);
        String byKept = memory(tag, "Sam plays go", kept);
        String byG = memory(gone, "Kim sails", g);
        String direct = memory(gone, "Kim was told directly"); // no document behind it

        assertThat(delete("/v3/documents/bulk", "{\"ids\":[\"" + f + "\"]}").status()).isEqualTo(200);
        assertThat(stored(tag, byF).isForgotten()).isTrue();
        assertThat(stored(tag, byKept).isForgotten()).isFalse();

        assertThat(delete("/v3/documents/bulk", "{\"containerTags\":[\"" + gone + "\"]}").status()).isEqualTo(200);
        assertThat(stored(gone, byG).isForgotten()).isTrue();
        assertThat(stored(gone, direct).isForgotten()).isFalse();
        assertThat(stored(tag, byKept).isForgotten()).isFalse();
    }

    private String memory(String tag, String content, String... documentIds) {
        String id = Ids.newId();
        memories.put(Memory.create(id, TENANT_A, tag, content, Instant.now()).vector(embedder.embed(content))
                .sources(Arrays.stream(documentIds).map(MemorySource::of).toList()).build());
        return id;
    }

    private Memory stored(String tag, String id) {
        return memories.get(Scope.of(TENANT_A, tag), id).orElseThrow();
    }
}
