package io.hippocamel.connector.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hippocamel.connector.ItemGoneException;
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
 * Search does not report unshared pages, so the Notion source lists everything on its reconcile interval and calls
 * such listings complete (the sync deletes what they lack); in between, listings are incremental. A page that
 * vanishes between listing and rendering is reported gone.
 */
class NotionReconcileTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final FakeNotion notion = new FakeNotion();

    @AfterEach
    void stop() {
        notion.close();
    }

    private NotionSource source(Duration reconcileInterval) {
        SourceHttp http = new SourceHttp(new SourceHttp.Policy(0, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, null), d -> { }, Clock.systemUTC());
        return new NotionSource(http, JSON, Clock.systemUTC(), notion.baseUrl(), FakeNotion.TOKEN, "2022-06-28",
                reconcileInterval, 100);
    }

    @Test
    @DisplayName("a reconcile listing is complete and lacks the unshared page; an incremental one is not complete")
    void reconcile() {
        notion.page("page-a", "A", null, Map.of());
        notion.page("page-b", "B", null, Map.of());

        SourceClient.Listing first = source(Duration.ofHours(24)).changes(null, Set.of());
        assertThat(first.complete()).isTrue();
        assertThat(first.items()).extracting(SourceClient.SourceItem::sourceId).containsExactly("page-b", "page-a");

        notion.unshare("page-a");
        SourceClient.Listing incremental = source(Duration.ofHours(24)).changes(first.nextCursor(), Set.of());
        assertThat(incremental.complete()).isFalse();

        SourceClient.Listing reconcile = source(Duration.ZERO).changes(first.nextCursor(), Set.of());
        assertThat(reconcile.complete()).isTrue();
        assertThat(reconcile.items()).extracting(SourceClient.SourceItem::sourceId).containsExactly("page-b");
    }

    @Test
    @DisplayName("a page unshared after listing is reported gone when its blocks are fetched")
    void goneWhileRendering() {
        notion.page("page-a", "A", null, Map.of());
        NotionSource source = source(Duration.ofHours(24));
        SourceClient.SourceItem item = source.changes(null, Set.of()).items().get(0);
        notion.unshare("page-a");

        assertThatThrownBy(() -> source.content(item)).isInstanceOf(ItemGoneException.class);
    }
}
