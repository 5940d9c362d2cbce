package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Endpoint options are checked when the endpoint is created, with the API's rules, and errors name the option. */
class MemoryEndpointOptionsTest extends MemoryCamelTestSupport {

    private Throwable rootOf(String uri) {
        Throwable thrown = catchThrowable(() -> camel.getEndpoint(uri));
        assertThat(thrown).as(uri).isInstanceOf(ResolveEndpointFailedException.class);
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    @DisplayName("an unknown option is refused by name")
    void unknownOption() {
        assertThatThrownBy(() -> camel.getEndpoint("memory:add?containerTag=x&colour=blue"))
                .isInstanceOf(ResolveEndpointFailedException.class).hasMessageContaining("colour=blue");
    }

    @Test
    @DisplayName("an option of another operation is refused, naming the operations it belongs to")
    void misplacedOption() {
        assertThat(rootOf("memory:add?threshold=0.5")).isInstanceOf(InvalidMemoryRequestException.class)
                .hasMessage("memory:add does not take the option(s) threshold (applies to search)");
        assertThat(rootOf("memory:search?metadata.source=x")).hasMessageContaining("metadata (applies to add)");
        assertThat(rootOf("memory:get?status=done")).hasMessageContaining("status (applies to events)");
    }

    @Test
    @DisplayName("values break the API's rules: tag, customId, metadata key, limit, threshold, mode, filters, status")
    void badValues() {
        assertThat(rootOf("memory:add?containerTag=has space")).isInstanceOf(InvalidMemoryRequestException.class)
                .hasMessageStartingWith("containerTag option must be 1-100 characters");
        assertThat(rootOf("memory:add?customId=a/b")).hasMessageStartingWith("customId option: customId must be");
        assertThat(rootOf("memory:add?metadata.bad key=x")).hasMessageContaining("metadata key 'bad key'");
        assertThat(rootOf("memory:search?limit=500")).hasMessage("limit option must be between 1 and 100");
        assertThat(rootOf("memory:list?limit=2000")).hasMessage("limit option must be between 1 and 1100");
        assertThat(rootOf("memory:search?threshold=1.5")).hasMessage("threshold option must be between 0 and 1");
        assertThat(rootOf("memory:search?searchMode=fuzzy"))
                .hasMessage("searchMode option must be one of hybrid, vector, text (got 'fuzzy')");
        assertThat(rootOf("memory:search?filters=RAW({\"AND\":\"x\"})")).hasMessageStartingWith("filters option:");
        assertThat(rootOf("memory:events?status=finished"))
                .hasMessageContaining("status option must be any or a comma-separated list of queued, done, failed,"
                        + " deleted (got 'finished')");
    }

    @Test
    @DisplayName("an unknown operation lists the valid ones")
    void unknownOperation() {
        assertThat(rootOf("memory:remember")).hasMessage("unknown memory operation 'remember': use one of add,"
                + " search, get, delete, list, events");
    }

    @Test
    @DisplayName("an apiKey that is not one of the server's keys is refused without echoing it")
    void unknownApiKey() {
        Throwable root = rootOf("memory:search?apiKey=RAW(sm_not_a_key_123)");
        assertThat(root).hasMessage("apiKey option: not one of the server's API keys (hippocamel.api-keys)");
        assertThatThrownBy(() -> camel.getEndpoint("memory:search?apiKey=RAW(sm_not_a_key_123)"))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("sm_not_a_key_123"));
    }

    @Test
    @DisplayName("events only consumes and the other operations only produce")
    void roles() throws Exception {
        assertThatThrownBy(() -> camel.getEndpoint("memory:events").createProducer())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("consumer");
        assertThatThrownBy(() -> camel.getEndpoint("memory:add").createConsumer(exchange -> { }))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("only memory:events");
        assertThat(camel.getEndpoint("memory:events?status=done,failed")).isInstanceOf(MemoryEndpoint.class);
        RouteBuilder valid = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:options-ok").routeId("options-ok").to("memory:list?limit=1100&page=3&containerTag=");
            }
        };
        camel.addRoutes(valid);
        assertThat(camel.getRouteController().getRouteStatus("options-ok").isStarted()).isTrue();
        camel.getRouteController().stopRoute("options-ok");
        camel.removeRoute("options-ok");
    }
}
