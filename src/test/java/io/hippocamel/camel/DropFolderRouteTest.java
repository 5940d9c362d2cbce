package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** routes/drop-folder.yaml: a file dropped into the folder becomes a memory, searchable through the HTTP API. */
class DropFolderRouteTest extends MemoryCamelTestSupport {

    @Test
    @DisplayName("a dropped PDF is parsed, stored under the folder's tag with a customId from its name, then moved")
    void droppedFileBecomesSearchable() throws Exception {
        byte[] pdf = TestFiles.pdf("Board minutes", "The board approved the Kraków data centre in June.",
                "Budget: forty million euros over three years.");
        Path staging = Files.createTempFile(DROP_DIR.getParent(), "staging-", ".pdf");
        Files.write(staging, pdf);
        // appear in one piece, as a finished upload or copy would
        Files.move(staging, DROP_DIR.resolve("board minutes.pdf"), StandardCopyOption.ATOMIC_MOVE);

        JsonNode[] results = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            results[0] = post("/v4/search", "{\"q\":\"where will the new data centre be built\","
                    + "\"containerTag\":\"" + DROP_TAG + "\"}").json().get("results");
            return results[0] != null && !results[0].isEmpty();
        });
        assertThat(results[0].get(0).get("memory").asText()).contains("Kraków data centre");

        JsonNode doc = get("/v3/documents/inbox:board_minutes.pdf").json();
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(DROP_TAG);
        assertThat(doc.get("title").asText()).isEqualTo("Board minutes");
        assertThat(doc.get("metadata").get("source").asText()).isEqualTo("drop-folder");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(DROP_DIR.resolve(".done/board minutes.pdf")));
        assertThat(DROP_DIR.resolve("board minutes.pdf")).doesNotExist();
    }
}
