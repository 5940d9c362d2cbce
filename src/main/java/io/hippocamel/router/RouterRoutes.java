package io.hippocamel.router;

import static io.hippocamel.HippocamelConstants.ROUTER_AUGMENT;
import static io.hippocamel.HippocamelConstants.ROUTER_ERRORS;
import static io.hippocamel.HippocamelConstants.ROUTER_FORWARD;
import static io.hippocamel.HippocamelConstants.ROUTER_MEMORY;
import static io.hippocamel.HippocamelConstants.ROUTER_RETRIEVE;
import static io.hippocamel.HippocamelConstants.ROUTER_STORE_QUEUE;
import static io.hippocamel.HippocamelConstants.ROUTER_STRIP;
import static io.hippocamel.HippocamelConstants.ROUTER_UPSTREAM;

import io.hippocamel.conversation.ConversationService;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The Memory Router: {@code /v3/<upstream base URL>/...}. Chat calls go strip → retrieve → augment (failing open:
 * any memory error forwards the original request) → forward; the new turns are stored afterwards off the response
 * path. Other paths under an upstream are forwarded as they came. Stream caching is off on every route of the
 * response path so server-sent events pass through as they arrive.
 */
public class RouterRoutes extends RouteBuilder {

    /** Pipeline steps and HTTP-edge processors of the router. */
    public record Steps(RouterRequestReader reader, ContextStripper stripper, MemoryRetriever retriever,
                        PromptAugmenter augmenter, FailOpen failOpen, UpstreamRequestWriter writer,
                        UpstreamResponseHandler responses, ConversationService conversations) {
    }

    private final Steps steps;

    public RouterRoutes(Steps steps) {
        this.steps = steps;
    }

    /** The router's error handling: its own refusals and unreachable upstreams as JSON, never a retry. */
    public static class Errors extends RouteConfigurationBuilder {
        private final RouterErrorMapper mapper;

        public Errors(RouterErrorMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void configuration() {
            routeConfiguration(ROUTER_ERRORS).onException(Exception.class).handled(true).process(mapper);
        }
    }

    @Override
    public void configure() {
        from("platform-http:/v3?matchOnUriPrefix=true").routeId("router-entry").routeConfigurationId(ROUTER_ERRORS)
                .streamCache("false")
                .process(steps.reader())
                .choice().when(body().isInstanceOf(ChatCall.class)).to(ROUTER_MEMORY).end()
                .to(ROUTER_FORWARD);

        from(ROUTER_MEMORY).routeId("router-memory").streamCache("false")
                .doTry()
                    .to(ROUTER_STRIP).to(ROUTER_RETRIEVE).to(ROUTER_AUGMENT)
                .doCatch(Exception.class)
                    .bean(steps.failOpen(), "recover")
                .end();

        from(ROUTER_STRIP).routeId("router-strip").streamCache("false").bean(steps.stripper(), "strip");
        from(ROUTER_RETRIEVE).routeId("router-retrieve").streamCache("false").bean(steps.retriever(), "retrieve");
        from(ROUTER_AUGMENT).routeId("router-augment").streamCache("false").bean(steps.augmenter(), "augment");

        from(ROUTER_FORWARD).routeId("router-forward").routeConfigurationId(ROUTER_ERRORS).streamCache("false")
                .process(steps.writer())
                .to(ROUTER_UPSTREAM)
                .process(steps.responses());

        from(ROUTER_STORE_QUEUE + "?concurrentConsumers=1&size=10000").routeId("router-store")
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "storing conversation turns failed: ${exception.message}").end()
                .bean(steps.conversations(), "append");
    }
}
