package io.hippocamel.api;

import static io.hippocamel.HippocamelConstants.API_ERRORS;
import static io.hippocamel.HippocamelConstants.CONTAINER_TAG_PARAM;

import org.apache.camel.builder.RouteBuilder;

/** The {@code /v3/container-tags} and {@code /v3/settings} surfaces: authenticate → handler → JSON, per endpoint. */
public class ContainerTagApiRoutes extends RouteBuilder {

    private final Authenticator authenticator;
    private final ContainerTagApi tags;
    private final SettingsApi settings;
    private final JsonResponseWriter writer;

    public ContainerTagApiRoutes(Authenticator authenticator, ContainerTagApi tags, SettingsApi settings,
                                 JsonResponseWriter writer) {
        this.authenticator = authenticator;
        this.tags = tags;
        this.settings = settings;
        this.writer = writer;
    }

    @Override
    public void configure() {
        String tag = "/{" + CONTAINER_TAG_PARAM + "}";
        rest("/v3/container-tags")
                .get("/list").routeId("rest-container-tags-list").to("direct:container-tags-list")
                .get(tag).routeId("rest-container-tags-get").to("direct:container-tags-get")
                .patch(tag).routeId("rest-container-tags-update").to("direct:container-tags-update")
                .delete(tag).routeId("rest-container-tags-delete").to("direct:container-tags-delete");
        rest("/v3/settings")
                .get().routeId("rest-settings-get").to("direct:settings-get")
                .patch().routeId("rest-settings-update").to("direct:settings-update");

        api("container-tags-list", tags, "list");
        api("container-tags-get", tags, "get");
        api("container-tags-update", tags, "update");
        api("container-tags-delete", tags, "delete");
        api("settings-get", settings, "get");
        api("settings-update", settings, "update");
    }

    private void api(String name, Object handler, String method) {
        from("direct:" + name).routeId("api-" + name).routeConfigurationId(API_ERRORS)
                .process(authenticator)
                .convertBodyTo(String.class)
                .bean(handler, method)
                .process(writer);
    }
}
