package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.connector.gdrive.FakeGoogleDrive;
import io.hippocamel.testsupport.ServerTestSupport.Response;
import io.hippocamel.testsupport.TestFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Google Drive connector end to end against the local Drive fake: the OAuth refresh, a paged full listing with a
 * 429 in the way, Docs exported as Markdown, Sheets as CSV, PDFs downloaded and parsed by Tika; then the change feed
 * (paged, up to {@code newStartPageToken}) mirroring an edit, a trashed and a removed file; then a quiet run.
 */
class GoogleDriveSyncTest extends ConnectorTestSupport {

    @Test
    @DisplayName("Drive files are imported, changes mirrored through changes.list, a quiet run writes nothing")
    void mirrorsDrive() {
        DRIVE.put("doc1", "Roadmap", FakeGoogleDrive.DOC, null, "# Roadmap\n\nLaunch the glacier probe in March.");
        DRIVE.put("pdf1", "Q3 report.pdf", "application/pdf", null,
                TestFiles.pdf("Q3 report", "Revenue from kelp farming grew by a third."));
        DRIVE.put("sheet1", "Budget", FakeGoogleDrive.SHEET, null, "item,cost\nsnorkels,120\nflippers,80\n");
        DRIVE.rateLimitNext("/files", 1);

        JsonNode first = sync("google-drive", "drive-test");

        counts(first, 3, 0, 0);
        JsonNode doc = awaitDoneByCustomId("drive-test:doc1");
        assertThat(doc.path("content").asText()).contains("glacier probe");
        assertThat(doc.path("metadata").path("source").asText()).isEqualTo("google-drive");
        assertThat(doc.path("metadata").path("title").asText()).isEqualTo("Roadmap");
        assertThat(doc.path("metadata").path("url").asText()).isEqualTo("https://drive.google.com/file/d/doc1/view");
        assertThat(awaitDoneByCustomId("drive-test:pdf1").path("content").asText()).contains("kelp farming");
        assertThat(awaitDoneByCustomId("drive-test:sheet1").path("content").asText()).contains("snorkels");
        assertThat(DRIVE.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/token"));
        assertThat(DRIVE.requests()).anySatisfy(r -> assertThat(r.path()).isEqualTo("/drive/v3/files/doc1/export"));
        assertThat(DRIVE.requests()).anySatisfy(r -> assertThat(r.query()).containsEntry("alt", "media"));
        List<FakeGoogleDrive.Seen> listings = DRIVE.requests().stream()
                .filter(r -> r.path().equals("/drive/v3/files")).toList();
        assertThat(listings).as("a 429, its retry, and the second page").hasSize(3);
        assertThat(Duration.between(listings.get(0).at(), listings.get(1).at()))
                .as("Retry-After: 1 was honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));

        DRIVE.put("doc1", "Roadmap", FakeGoogleDrive.DOC, null, "# Roadmap\n\nThe glacier probe slips to April.");
        DRIVE.trash("sheet1");
        DRIVE.remove("pdf1");
        DRIVE.put("pdf2", "Minutes.txt", "text/plain", null, "Minutes: the lighthouse budget was approved.");
        DRIVE.put("doc1", "Roadmap", FakeGoogleDrive.DOC, null, "# Roadmap\n\nThe glacier probe slips to May.");
        int before = DRIVE.requests().size();

        JsonNode second = sync("google-drive", "drive-test");

        counts(second, 1, 1, 2);
        List<FakeGoogleDrive.Seen> run = DRIVE.requests().subList(before, DRIVE.requests().size());
        assertThat(run).filteredOn(r -> r.path().equals("/drive/v3/changes")).as("changes paged by 2").hasSize(3);
        assertThat(run).filteredOn(r -> r.path().equals("/drive/v3/files")).as("no full listing").isEmpty();
        assertThat(run).filteredOn(r -> r.path().equals("/drive/v3/files/doc1/export"))
                .as("doc1 changed twice, re-processed once").hasSize(1);
        JsonNode edited = awaitDoneByCustomId("drive-test:doc1");
        assertThat(edited.path("content").asText()).contains("slips to May");
        assertThat(edited.path("id").asText()).isEqualTo(doc.path("id").asText());
        assertThat(get("/v3/documents/drive-test:pdf1").status()).as("removed").isEqualTo(404);
        assertThat(get("/v3/documents/drive-test:sheet1").status()).as("trashed").isEqualTo(404);
        assertThat(awaitDoneByCustomId("drive-test:pdf2").path("content").asText()).contains("lighthouse budget");

        before = DRIVE.requests().size();
        JsonNode quiet = sync("google-drive", "drive-test");
        counts(quiet, 0, 0, 0);
        assertThat(DRIVE.requests().subList(before, DRIVE.requests().size()))
                .as("a token (one per run) and one changes call: no listing, no downloads")
                .extracting(FakeGoogleDrive.Seen::path).containsExactly("/token", "/drive/v3/changes");

        Response docs = post("/v3/connections/google-drive/documents", "{\"containerTags\":[\"drive-test\"]}");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()).extracting(d -> d.path("title").asText())
                .containsExactlyInAnyOrder("Roadmap", "Minutes.txt");
    }

    @Test
    @DisplayName("a revoked refresh token fails its own run with auth_expired; the server and other connectors go on")
    void failingSourceFailsOnlyItsRun() {
        JsonNode run = sync("google-drive", "drive-broken");

        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("errorCode").asText()).isEqualTo("auth_expired");
        assertThat(run.path("error").asText()).contains("invalid_grant").doesNotContain("1//refresh-token");
        assertThat(get("/health").status()).isEqualTo(200);
        assertThat(sync("filesystem", "files-test").path("status").asText()).isEqualTo("completed");
    }
}
