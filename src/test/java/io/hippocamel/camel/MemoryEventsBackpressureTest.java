package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stuck memory:events route never holds up ingest: its queue is bounded and overflowing events are dropped. */
class MemoryEventsBackpressureTest extends MemoryCamelTestSupport {

    @Test
    @DisplayName("documents reach done while the events route is blocked; events beyond the queue are dropped")
    void stuckRouteDoesNotBlockIngest() throws Exception {
        String tag = uniqueTag("events-stuck");
        String routeId = uniqueTag("events-stuck-route");
        CountDownLatch release = new CountDownLatch(1);
        MockEndpoint mock = camel.getEndpoint("mock:" + routeId, MockEndpoint.class);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("memory:events?status=queued&eventQueueSize=1&containerTag=" + tag).routeId(routeId)
                        .process(exchange -> release.await(60, TimeUnit.SECONDS))
                        .to(mock);
            }
        });
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(template.to("memory:add?containerTag=" + tag).withBody("Backpressure probe number " + i)
                        .request(MemoryAddResult.class).id());
            }
            for (String id : ids) {
                assertThat(awaitFinal(id).get("status").asText()).isEqualTo("done");
            }
            assertThat(release.getCount()).as("the route was still blocked while ingest finished").isEqualTo(1);
            assertThat(mock.getReceivedCounter()).isZero();

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> mock.getReceivedCounter() >= 1);
            // one event in the route and one in the queue at most: the third was dropped
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .until(() -> mock.getReceivedCounter() <= 2);
        } finally {
            release.countDown();
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }
}
