package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.ServerTestSupport.Response;
import io.hippocamel.testsupport.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The filesystem connector end to end, on the manual trigger and on its Quartz schedule: files become documents
 * through Tika and the ingest pipeline, changes are re-processed once, touched-but-same files are not, deletions are
 * mirrored, a run without changes writes nothing, documentLimit holds.
 */
class FilesystemSyncTest extends ConnectorTestSupport {

    @Test
    @DisplayName("files are mirrored: added, changed once, touched without change, deleted, then nothing to do;"
            + " hidden, excluded and too large files are left out; a file that failed to parse is not retried")
    void mirrorsAFolder() throws IOException {
        Files.writeString(FILES.resolve("notes.md"), "# Notes\n\nThe lighthouse keeper logs the tides at dawn.");
        Files.createDirectories(FILES.resolve("sub"));
        Files.writeString(FILES.resolve("sub/plan.txt"), "The caravan leaves the oasis on Tuesday.");
        Files.write(FILES.resolve("report.docx"), TestFiles.docx("Report", "Quarterly saffron harvest doubled."));
        Files.writeString(FILES.resolve("scratch.tmp"), "excluded by glob");
        Files.writeString(FILES.resolve(".hidden"), "hidden files are skipped");
        Files.write(FILES.resolve("huge.txt"), new byte[6 * 1024 * 1024]); // over the test's 5MB max-file-size
        Files.writeString(FILES.resolve("broken.pdf"), "%PDF-1.7 this is not really a PDF");

        counts(sync("filesystem", "files-test"), 4, 0, 0);
        JsonNode notes = awaitDoneByCustomId(ConnectorSync.customId("files-test", "notes.md"));
        JsonNode report = awaitDoneByCustomId(ConnectorSync.customId("files-test", "report.docx"));
        JsonNode plan = awaitDoneByCustomId(ConnectorSync.customId("files-test", "sub/plan.txt"));
        assertThat(notes.path("content").asText()).contains("lighthouse keeper");
        assertThat(report.path("content").asText()).contains("saffron harvest");
        assertThat(plan.path("metadata").path("source").asText()).isEqualTo("filesystem");
        assertThat(plan.path("metadata").path("path").asText()).isEqualTo("sub/plan.txt");
        assertThat(plan.path("containerTags").get(0).asText()).isEqualTo("files-test");
        assertThat(list("files-test")).isEqualTo(4);
        String broken = ConnectorSync.customId("files-test", "broken.pdf");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/v3/documents/" + broken).json().path("status").asText().equals("failed"));

        Files.writeString(FILES.resolve("notes.md"), "# Notes\n\nThe lighthouse keeper now logs the storms.");
        Files.setLastModifiedTime(FILES.resolve("sub/plan.txt"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.delete(FILES.resolve("report.docx"));
        JsonNode run = sync("filesystem", "files-test");
        counts(run, 0, 1, 1);
        assertThat(run.path("unchanged").asInt()).as("touched plan.txt, and broken.pdf (not retried)").isEqualTo(2);
        JsonNode changed = awaitDoneByCustomId(ConnectorSync.customId("files-test", "notes.md"));
        assertThat(changed.path("content").asText()).contains("storms");
        assertThat(changed.path("id").asText()).isEqualTo(notes.path("id").asText());
        assertThat(get("/v3/documents/" + ConnectorSync.customId("files-test", "report.docx")).status())
                .isEqualTo(404);
        JsonNode touched = get("/v3/documents/" + ConnectorSync.customId("files-test", "sub/plan.txt")).json();
        assertThat(touched.path("status").asText()).as("touched, not re-processed").isEqualTo("done");

        String updatedAt = changed.path("updatedAt").asText();
        JsonNode quiet = sync("filesystem", "files-test");
        counts(quiet, 0, 0, 0);
        assertThat(quiet.path("unchanged").asInt()).isEqualTo(3);
        assertThat(get("/v3/documents/" + ConnectorSync.customId("files-test", "notes.md")).json()
                .path("updatedAt").asText()).as("a run without changes writes nothing").isEqualTo(updatedAt);
    }

    @Test
    @DisplayName("documentLimit caps how many documents a connector keeps; the rest are counted as skipped")
    void documentLimit() throws IOException {
        for (String name : new String[] {"a.txt", "b.txt", "c.txt"}) {
            Files.writeString(LIMITED.resolve(name), "File " + name + " talks about limits.");
        }

        JsonNode run = sync("filesystem", "files-limited");

        counts(run, 2, 0, 0);
        assertThat(run.path("skipped").asInt()).isEqualTo(1);
        assertThat(list("files-limited")).isEqualTo(2);
        counts(sync("filesystem", "files-limited"), 0, 0, 0);
        assertThat(list("files-limited")).isEqualTo(2);
    }

    @Test
    @DisplayName("the Quartz schedule runs a connector on its own, without any trigger")
    void scheduled() throws IOException {
        Files.writeString(SCHEDULED.resolve("tick.txt"), "The clock tower chimes on every cron tick.");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/v3/documents/" + ConnectorSync.customId("files-scheduled", "tick.txt"))
                        .status() == 200);
        assertThat(awaitDoneByCustomId(ConnectorSync.customId("files-scheduled", "tick.txt"))
                .path("content").asText()).contains("clock tower");
        assertThat(connection("files-scheduled").path("lastSyncRun").path("status").asText())
                .isIn("completed", "running");
    }

    private int list(String tag) {
        Response r = post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"],\"limit\":100}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("memories").size();
    }

}
