package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.API_ERRORS;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;

/**
 * The Memory API's HTTP surface: REST DSL on platform-http, one thin route per endpoint (authenticate → handler →
 * JSON). {@code /v3/memories/*} are the legacy aliases of {@code /v3/documents/*}; {@code /v4/memories*} and
 * {@code /v4/profile} work on extracted memories.
 */
public class ApiRoutes extends RouteBuilder {

    private final Authenticator authenticator;
    private final DocumentApi documents;
    private final SearchApi search;
    private final ConversationApi conversations;
    private final MemoryApi memories;
    private final MultipartReader multipart;
    private final JsonResponseWriter writer;

    public ApiRoutes(Authenticator authenticator, DocumentApi documents, SearchApi search,
                     ConversationApi conversations, MemoryApi memories, MultipartReader multipart,
                     JsonResponseWriter writer) {
        this.authenticator = authenticator;
        this.documents = documents;
        this.search = search;
        this.conversations = conversations;
        this.memories = memories;
        this.multipart = multipart;
        this.writer = writer;
    }

    /** Error handling of every API route: exceptions become JSON errors with the right status. */
    public static class Errors extends RouteConfigurationBuilder {
        private final ApiErrorMapper mapper;

        public Errors(ApiErrorMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public void configuration() {
            routeConfiguration(API_ERRORS).onException(Exception.class).handled(true).process(mapper);
        }
    }

    @Override
    public void configure() {
        // no inlining: /v3/memories and /v3/documents share the same direct routes
        restConfiguration().component("platform-http").bindingMode(RestBindingMode.off).inlineRoutes(false);

        rest("/health").get().routeId("rest-health").to("direct:api-health");
        from("direct:api-health").routeId("api-health")
                .setBody(constant(ApiResponse.ok(Map.of("status", "UP"))))
                .process(writer);

        for (String base : new String[] {"/v3/documents", "/v3/memories"}) {
            String prefix = "rest-" + base.substring(4);
            RestDefinition rest = rest(base);
            rest.post().routeId(prefix + "-add").to("direct:documents-add");
            rest.post("/batch").routeId(prefix + "-batch").to("direct:documents-batch");
            rest.post("/file").routeId(prefix + "-file").to("direct:documents-file");
            rest.post("/list").routeId(prefix + "-list").to("direct:documents-list");
            rest.get("/processing").routeId(prefix + "-processing").to("direct:documents-processing");
            rest.delete("/bulk").routeId(prefix + "-bulk-delete").to("direct:documents-bulk-delete");
            rest.get("/{id}").routeId(prefix + "-get").to("direct:documents-get");
            rest.patch("/{id}").routeId(prefix + "-update").to("direct:documents-update");
            rest.delete("/{id}").routeId(prefix + "-delete").to("direct:documents-delete");
            rest.get("/{id}/chunks").routeId(prefix + "-chunks").to("direct:documents-chunks");
        }
        rest("/v3/search").post().routeId("rest-v3-search").to("direct:search-v3");
        rest("/v4/search").post().routeId("rest-v4-search").to("direct:search-v4");
        rest("/v4/conversations").post().routeId("rest-v4-conversations").to("direct:conversations-add");
        RestDefinition v4memories = rest("/v4/memories");
        v4memories.post().routeId("rest-v4-memories-add").to("direct:memories-add");
        v4memories.patch().routeId("rest-v4-memories-update").to("direct:memories-update");
        v4memories.delete().routeId("rest-v4-memories-forget").to("direct:memories-forget");
        v4memories.post("/list").routeId("rest-v4-memories-list").to("direct:memories-list");
        v4memories.post("/forget-matching").routeId("rest-v4-memories-forget-matching")
                .to("direct:memories-forget-matching");
        rest("/v4/profile").post().routeId("rest-v4-profile").to("direct:memories-profile");

        api("documents-add", documents, "add");
        api("documents-batch", documents, "batch");
        authenticated("documents-file").process(multipart).bean(documents, "upload").process(writer);
        api("documents-list", documents, "list");
        api("documents-processing", documents, "processing");
        api("documents-bulk-delete", documents, "deleteBulk");
        api("documents-get", documents, "get");
        api("documents-update", documents, "update");
        api("documents-delete", documents, "delete");
        api("documents-chunks", documents, "chunks");
        api("search-v3", search, "v3");
        api("search-v4", search, "v4");
        api("conversations-add", conversations, "add");
        api("memories-add", memories, "add");
        api("memories-update", memories, "update");
        api("memories-forget", memories, "forget");
        api("memories-list", memories, "list");
        api("memories-forget-matching", memories, "forgetMatching");
        api("memories-profile", memories, "profile");
    }

    /** An authenticated route with a JSON body, whose handler's {@link ApiResponse} is written as JSON. */
    private void api(String name, Object handler, String method) {
        authenticated(name).convertBodyTo(String.class).bean(handler, method).process(writer);
    }

    private RouteDefinition authenticated(String name) {
        return from("direct:" + name).routeId("api-" + name).routeConfigurationId(API_ERRORS)
                .process(authenticator);
    }
}
