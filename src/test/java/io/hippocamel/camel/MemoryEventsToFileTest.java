package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A YAML route from {@code memory:events} straight to {@code file:} writes each event as JSON. */
class MemoryEventsToFileTest extends MemoryCamelTestSupport {

    @TempDir
    Path out;

    @Test
    @DisplayName("memory:events -> file: writes the queued event of an added document as JSON")
    void eventsToFile() throws Exception {
        String tag = uniqueTag("events-file");
        String routeId = "events-to-file-" + tag;
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(routeId + ".yaml", """
                - route:
                    id: %s
                    from:
                      uri: memory:events?status=queued&containerTag=%s
                      steps:
                        - to: "file:%s?fileName=${header.HippocamelDocumentId}.json"
                """.formatted(routeId, tag, out)));
        try {
            MemoryAddResult added = template.to("memory:add?containerTag=" + tag).withBody("An event for a file.")
                    .request(MemoryAddResult.class);

            Path file = out.resolve(added.id() + ".json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
            JsonNode event = new ObjectMapper().readTree(Files.readString(file));
            assertThat(event.get("documentId").asText()).isEqualTo(added.id());
            assertThat(event.get("containerTag").asText()).isEqualTo(tag);
            assertThat(event.get("type").asText()).isEqualToIgnoringCase("queued");
            assertThat(event.get("at").isTextual()).as("timestamp as ISO text: " + event).isTrue();
        } finally {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }
}
