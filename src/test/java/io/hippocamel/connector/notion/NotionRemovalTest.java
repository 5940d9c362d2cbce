package io.hippocamel.connector.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hippocamel.connector.SourceClient;
import io.hippocamel.connector.SourceHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A page unshared or archived at the source is reported removed by the next incremental run, not only by the next
 * full reconcile: synced pages the run did not see are looked up ({@code GET /v1/pages/{id}}), a bounded number per
 * run, taking turns.
 */
class NotionRemovalTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final FakeNotion notion = new FakeNotion();

    @AfterEach
    void stop() {
        notion.close();
    }

    private NotionSource source(int presenceChecks) {
        SourceHttp http = new SourceHttp(new SourceHttp.Policy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, null),
                d -> { }, Clock.systemUTC());
        return new NotionSource(http, JSON, Clock.systemUTC(), notion.baseUrl(), FakeNotion.TOKEN, "2022-06-28",
                Duration.ofHours(24), presenceChecks);
    }

    private long pageLookups() {
        return notion.requests().stream().filter(r -> r.path().startsWith("/pages/")).count();
    }

    @Test
    @DisplayName("the next incremental run removes an unshared page and a quietly archived one")
    void unsharedAndArchivedGoAtTheNextRun() {
        notion.page("page-a", "A", null, Map.of());
        notion.page("page-b", "B", null, Map.of());
        notion.page("page-c", "C", null, Map.of());
        SourceClient.Listing first = source(100).changes(null, Set.of());
        Set<String> synced = Set.of("page-a", "page-b", "page-c");

        notion.unshare("page-a");
        notion.archiveQuietly("page-b");
        SourceClient.Listing next = source(100).changes(first.nextCursor(), synced);

        assertThat(next.complete()).isFalse();
        assertThat(next.removed()).containsExactlyInAnyOrder("page-a", "page-b");
        assertThat(pageLookups()).as("only the two pages the run did not see (page-c is at the high-water mark)")
                .isEqualTo(2);
    }

    @Test
    @DisplayName("lookups are bounded per run and take turns, so every page is checked over a few runs")
    void boundedAndRotating() {
        notion.page("page-a", "A", null, Map.of());
        notion.page("page-b", "B", null, Map.of());
        notion.page("page-c", "C", null, Map.of());
        Set<String> synced = Set.of("page-a", "page-b", "page-c");
        String cursor = source(1).changes(null, Set.of()).nextCursor();
        notion.unshare("page-c");

        SourceClient.Listing run1 = source(1).changes(cursor, synced);
        SourceClient.Listing run2 = source(1).changes(run1.nextCursor(), synced);
        SourceClient.Listing run3 = source(1).changes(run2.nextCursor(), synced);

        assertThat(pageLookups()).isEqualTo(3);
        assertThat(run1.removed()).isEmpty();
        assertThat(run2.removed()).isEmpty();
        assertThat(run3.removed()).containsExactly("page-c");
    }
}
