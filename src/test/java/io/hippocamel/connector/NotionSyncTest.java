package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.connector.notion.FakeNotion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Notion connector end to end against the local Notion fake (which pages in twos): search paging, a 429 with
 * Retry-After, nested blocks rendered to Markdown, a database row with its properties; then an edit (re-processed
 * once, found by the incremental search that stops at the high-water mark), an archived page (deleted), a quiet run.
 */
class NotionSyncTest extends ConnectorTestSupport {

    @Test
    @DisplayName("Notion pages and database rows are imported as Markdown; edits and archived pages are mirrored")
    void mirrorsNotion() {
        NOTION.page("page-guide", "Onboarding guide", null, Map.of());
        NOTION.block("page-guide", "b1", "heading_1", "Welcome aboard");
        NOTION.block("page-guide", "b2", "paragraph", "Badges are issued by the harbour office.");
        NOTION.block("page-guide", "b3", "bulleted_list_item", "First week");
        NOTION.block("b3", "b3a", "bulleted_list_item", "Meet the navigator");
        NOTION.block("b3a", "b3a1", "paragraph", "Bring the brass compass");
        NOTION.block("page-guide", "b4", "toggle", "Secrets of the galley");
        NOTION.block("b4", "b4a", "paragraph", "The cook hides saffron behind the flour.");
        NOTION.page("page-row", "Lighthouse repair", "db-projects", Map.of(
                "Status", FakeNotion.selectProperty("Active"), "Owner", FakeNotion.textProperty("Marguerite")));
        NOTION.block("page-row", "r1", "paragraph", "Replace the lens before winter.");
        NOTION.page("page-old", "Old memo", null, Map.of());
        NOTION.block("page-old", "o1", "paragraph", "This memo is about the retired ferry.");
        NOTION.rateLimitNext(1);

        JsonNode first = sync("notion", "notion-test");

        counts(first, 3, 0, 0);
        String guide = awaitDoneByCustomId("notion-test:page-guide").path("content").asText();
        assertThat(guide).contains("Onboarding guide", "Welcome aboard", "harbour office", "Meet the navigator",
                "brass compass", "saffron behind the flour");
        JsonNode row = awaitDoneByCustomId("notion-test:page-row");
        assertThat(row.path("content").asText()).contains("Lighthouse repair", "Status: Active",
                "Owner: Marguerite", "Replace the lens");
        assertThat(row.path("metadata").path("source").asText()).isEqualTo("notion");
        assertThat(row.path("metadata").path("url").asText()).isEqualTo("https://www.notion.so/pagerow");
        awaitDoneByCustomId("notion-test:page-old");
        List<FakeNotion.Seen> requests = NOTION.requests();
        assertThat(requests).allSatisfy(r -> assertThat(r.version()).isEqualTo("2022-06-28"));
        assertThat(requests.get(0).path()).isEqualTo("/search");
        assertThat(requests.get(1).path()).as("the retry after the 429").isEqualTo("/search");
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(requests).filteredOn(r -> r.path().equals("/search")).as("429, retry, 2nd page").hasSize(3);
        assertThat(requests).anySatisfy(r -> assertThat(r.path()).isEqualTo("/blocks/b3a/children"));

        NOTION.edit("page-guide", "b2", "Badges are now issued by the lighthouse keeper.");
        NOTION.archive("page-old");
        int before = NOTION.requests().size();

        JsonNode second = sync("notion", "notion-test");

        counts(second, 0, 1, 1);
        List<FakeNotion.Seen> run = NOTION.requests().subList(before, NOTION.requests().size());
        assertThat(run).filteredOn(r -> r.path().equals("/search"))
                .as("incremental: stops at the first page older than the mark").hasSize(2);
        assertThat(run).filteredOn(r -> r.path().startsWith("/blocks/page-row")).as("row unchanged").isEmpty();
        assertThat(awaitDoneByCustomId("notion-test:page-guide").path("content").asText())
                .contains("lighthouse keeper");
        assertThat(get("/v3/documents/notion-test:page-old").status()).as("archived").isEqualTo(404);

        counts(sync("notion", "notion-test"), 0, 0, 0);
    }
}
