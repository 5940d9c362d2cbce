package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.ingest.DocumentEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** memory:events emits the endpoint tenant's status changes of documents, filtered by status and tag. */
class MemoryEventsConsumerTest extends MemoryCamelTestSupport {

    private final List<String> routes = new ArrayList<>();

    /** Starts a route from the given events URI into a fresh mock endpoint. */
    private MockEndpoint listen(String eventsUri) throws Exception {
        String id = uniqueTag("events-test");
        MockEndpoint mock = camel.getEndpoint("mock:" + id, MockEndpoint.class);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(eventsUri).routeId(id).to(mock);
            }
        });
        routes.add(id);
        return mock;
    }

    @AfterEach
    void removeRoutes() throws Exception {
        for (String id : routes) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
    }

    private static DocumentEvent event(Message m) {
        return m.getBody(DocumentEvent.class);
    }

    @Test
    @DisplayName("status=done: a document added through the HTTP API is seen once it is searchable")
    void done() throws Exception {
        String tag = uniqueTag("events-done");
        MockEndpoint mock = listen("memory:events?status=done&containerTag=" + tag);
        mock.expectedMessageCount(1);

        String id = add("{\"content\":\"Event probe: the quarterly review moved to Thursday.\",\"containerTag\":\""
                + tag + "\",\"customId\":\"probe-" + tag + "\"}");

        MockEndpoint.assertIsSatisfied(camel, 60, TimeUnit.SECONDS);
        Message m = mock.getReceivedExchanges().get(0).getMessage();
        assertThat(event(m).type()).isEqualTo(DocumentEvent.Type.DONE);
        assertThat(event(m).documentId()).isEqualTo(id);
        assertThat(event(m).status()).isEqualTo(DocumentStatus.DONE);
        assertThat(m.getHeader(MemoryConstants.EVENT_TYPE)).isEqualTo("done");
        assertThat(m.getHeader(MemoryConstants.DOCUMENT_ID)).isEqualTo(id);
        assertThat(m.getHeader(MemoryConstants.CUSTOM_ID)).isEqualTo("probe-" + tag);
        assertThat(m.getHeader(MemoryConstants.CONTAINER_TAG)).isEqualTo(tag);
        assertThat(get("/v3/documents/" + id).json().get("status").asText()).isEqualTo("done");
    }

    @Test
    @DisplayName("status=any emits queued then done, in order; failed and deleted carry their details")
    void lifecycle() throws Exception {
        String tag = uniqueTag("events-any");
        MockEndpoint all = listen("memory:events?containerTag=" + tag);
        MockEndpoint failedOrDeleted = listen("memory:events?status=failed,deleted&containerTag=" + tag);
        all.expectedMessageCount(5);
        failedOrDeleted.expectedMessageCount(2);

        String good = template.to("memory:add?containerTag=" + tag).withBody("Lifecycle probe text.")
                .request(MemoryAddResult.class).id();
        awaitDone(good);
        String broken = template.to("memory:add?containerTag=" + tag)
                .withHeader(MemoryConstants.FILE_NAME, "broken.pdf")
                .withBody("%PDF-1.7 not really a pdf".getBytes(StandardCharsets.UTF_8))
                .request(MemoryAddResult.class).id();
        assertThat(awaitFinal(broken).get("status").asText()).isEqualTo("failed");
        assertThat(delete("/v3/documents/" + good, null).status()).isEqualTo(204);

        MockEndpoint.assertIsSatisfied(camel, 60, TimeUnit.SECONDS);
        List<String> sequence = all.getReceivedExchanges().stream()
                .map(e -> event(e.getMessage()).type() + " " + event(e.getMessage()).documentId()).toList();
        assertThat(sequence).containsExactly("QUEUED " + good, "DONE " + good, "QUEUED " + broken,
                "FAILED " + broken, "DELETED " + good);
        DocumentEvent failed = event(failedOrDeleted.getReceivedExchanges().get(0).getMessage());
        assertThat(failed.type()).isEqualTo(DocumentEvent.Type.FAILED);
        assertThat(failed.error()).startsWith("could not parse the file");
        Message deleted = failedOrDeleted.getReceivedExchanges().get(1).getMessage();
        assertThat(event(deleted).type()).isEqualTo(DocumentEvent.Type.DELETED);
        assertThat(deleted.getHeader(MemoryConstants.DOCUMENT_STATUS)).isNull();
        assertThat(deleted.getHeader(MemoryConstants.EVENT_TYPE)).isEqualTo("deleted");
    }

    @Test
    @DisplayName("events of another tenant never reach an endpoint; an endpoint with that tenant's key sees them")
    void tenantIsolation() throws Exception {
        String tag = uniqueTag("events-tenants");
        MockEndpoint tenantA = listen("memory:events?status=done&containerTag=" + tag);
        MockEndpoint tenantB = listen("memory:events?status=done&containerTag=" + tag + "&apiKey=RAW(" + KEY_B
                + ")");
        tenantB.expectedMessageCount(1);
        tenantA.expectedMessageCount(1);

        Response b = call("POST", "/v3/documents", "{\"content\":\"Tenant B secret plan.\",\"containerTag\":\""
                + tag + "\"}", KEY_B);
        String idB = b.json().get("id").asText();
        tenantB.assertIsSatisfied(60_000);
        String idA = add("{\"content\":\"Tenant A public note.\",\"containerTag\":\"" + tag + "\"}");

        MockEndpoint.assertIsSatisfied(camel, 60, TimeUnit.SECONDS);
        assertThat(event(tenantB.getReceivedExchanges().get(0).getMessage()).documentId()).isEqualTo(idB);
        assertThat(event(tenantA.getReceivedExchanges().get(0).getMessage()).documentId()).isEqualTo(idA);
    }

    @Test
    @DisplayName("a failing events route does not break ingest: the document still reaches done")
    void failingRouteDoesNotBreakIngest() throws Exception {
        String tag = uniqueTag("events-boom");
        String id = uniqueTag("events-boom-route");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("memory:events?containerTag=" + tag).routeId(id)
                        .throwException(new IllegalStateException("flow bug"));
            }
        });
        routes.add(id);

        String doc = add("{\"content\":\"Resilience probe: flows may fail, ingest goes on.\","
                + "\"containerTag\":\"" + tag + "\"}");

        assertThat(awaitFinal(doc).get("status").asText()).isEqualTo("done");
    }
}
