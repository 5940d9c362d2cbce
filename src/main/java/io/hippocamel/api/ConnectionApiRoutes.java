package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.API_ERRORS;
import static io.hippocamel.HippocamelConstants.CONNECTION_ID;
import static io.hippocamel.HippocamelConstants.CONNECTION_PROVIDER;

import org.apache.camel.builder.RouteBuilder;

/** The {@code /v3/connections} surface: one thin route per endpoint (authenticate → {@link ConnectionApi} → JSON). */
public class ConnectionApiRoutes extends RouteBuilder {

    private final Authenticator authenticator;
    private final ConnectionApi connections;
    private final JsonResponseWriter writer;

    public ConnectionApiRoutes(Authenticator authenticator, ConnectionApi connections, JsonResponseWriter writer) {
        this.authenticator = authenticator;
        this.connections = connections;
        this.writer = writer;
    }

    @Override
    public void configure() {
        rest("/v3/connections")
                .post("/list").routeId("rest-connections-list").to("direct:connections-list")
                .get("/{" + CONNECTION_ID + "}").routeId("rest-connections-get").to("direct:connections-get")
                .post("/{" + CONNECTION_PROVIDER + "}/import").routeId("rest-connections-import")
                    .to("direct:connections-import")
                .post("/{" + CONNECTION_PROVIDER + "}/documents").routeId("rest-connections-documents")
                    .to("direct:connections-documents");

        api("connections-list", "list");
        api("connections-get", "get");
        api("connections-import", "importNow");
        api("connections-documents", "documents");
    }

    private void api(String name, String method) {
        from("direct:" + name).routeId("api-" + name).routeConfigurationId(API_ERRORS)
                .process(authenticator)
                .convertBodyTo(String.class)
                .bean(connections, method)
                .process(writer);
    }
}
