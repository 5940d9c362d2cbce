package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** routes/nightly-digest.yaml: on its schedule, the digest searches the pool and writes the results to a file. */
class NightlyDigestRouteTest extends MemoryCamelTestSupport {

    @Test
    @DisplayName("a memory matching the digest's query shows up in the digest file, with its document")
    void digestFile() {
        String id = template.to("memory:add?containerTag=" + DIGEST_TAG)
                .withBody("Siemens Gamesa delivers the turbines for the Baltic project in May.")
                .request(MemoryAddResult.class).id();
        awaitDone(id);

        JsonNode[] digest = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            digest[0] = latestDigest().orElse(null);
            return digest[0] != null && digest[0].toString().contains(id);
        });
        JsonNode hit = digest[0].get(0);
        assertThat(hit.get("documentId").asText()).isEqualTo(id);
        assertThat(hit.get("text").asText()).contains("Siemens Gamesa");
        assertThat(hit.get("containerTag").asText()).isEqualTo(DIGEST_TAG);
        assertThat(hit.get("similarity").asDouble()).isGreaterThanOrEqualTo(0.55);
    }

    /** The schedule fires every 2 s in tests; once checked, stop it so it does not run through the other tests. */
    @AfterEach
    void stopSchedule() throws Exception {
        camel.getRouteController().stopRoute("example-nightly-digest");
    }

    private static Optional<JsonNode> latestDigest() {
        try (Stream<Path> files = Files.list(DIGEST_DIR)) {
            Optional<Path> file = files
                    .filter(p -> p.getFileName().toString().matches("digest-\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .max(Path::compareTo);
            return file.isEmpty() ? Optional.empty() : Optional.of(JSON.readTree(Files.readString(file.get())));
        } catch (IOException e) {
            // a digest being written at this moment: read it on the next poll
            return Optional.empty();
        }
    }
}
