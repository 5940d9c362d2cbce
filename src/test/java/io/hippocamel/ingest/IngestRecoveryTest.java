package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.Ids;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.testsupport.ServerTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Documents left unfinished in the store (as a crash leaves them: queued, or stuck mid-pipeline) are picked up by
 * recovery and finished. The kill -9 version of this runs in CrashRecoveryTest.
 */
class IngestRecoveryTest extends ServerTestSupport {

    @Autowired
    MemoryStore store;
    @Autowired
    IngestQueue queue;

    private StoredDocument unfinished(String tag, String content, DocumentStatus status) {
        Instant now = Instant.now();
        return new StoredDocument(Ids.newId(), ApiKeys.tenantOf(KEY_A), tag, null, content, null, "text", null, "api",
                null, null, Map.of(), status, null, 1, 0, now, now);
    }

    @Test
    @DisplayName("recovery finishes queued and mid-pipeline documents left by an earlier run")
    void resumesUnfinishedDocuments() {
        String tag = uniqueTag("recover");
        StoredDocument queued = unfinished(tag, "Left queued when the server died.", DocumentStatus.QUEUED);
        StoredDocument embedding = unfinished(tag, "Left mid-embedding when the server died.",
                DocumentStatus.EMBEDDING);
        store.putDocuments(List.of(queued, embedding));

        int resumed = new IngestRecovery(store, queue).recover();

        assertThat(resumed).isGreaterThanOrEqualTo(2);
        awaitDone(queued.id());
        awaitDone(embedding.id());
        assertThat(post("/v4/search", "{\"q\":\"server died\",\"containerTag\":\"" + tag + "\",\"threshold\":0}")
                .json().get("results")).hasSize(2);
    }
}
