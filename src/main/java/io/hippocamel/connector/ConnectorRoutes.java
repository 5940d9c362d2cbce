package io.hippocamel.connector;

import static io.hippocamel.HippocamelConstants.CONNECTOR_ROUTE_PREFIX;
import static io.hippocamel.HippocamelConstants.CONNECTOR_SYNC_QUEUE;
import static io.hippocamel.HippocamelConstants.CONNECTOR_TEMPLATE;
import static io.hippocamel.HippocamelConstants.ROUTE_CONNECTOR_MANUAL;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The sync routes: a route template instantiated once per enabled connector ({@code connector-<id>}), fired by its
 * Quartz cron, and one manual-trigger route fed by the API's import call. Quartz's {@code stateful} keeps one
 * schedule from overlapping itself; the store lease in {@link ConnectorSync} keeps a scheduled run, a manual run
 * and other servers' runs of the same connector apart.
 */
public class ConnectorRoutes extends RouteBuilder {

    private static final String ID = "connectorId";
    private static final String CRON = "cron";

    private final Connectors connectors;

    public ConnectorRoutes(Connectors connectors) {
        this.connectors = connectors;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "connector sync of ${body} failed: ${exception.message}");

        routeTemplate(CONNECTOR_TEMPLATE).templateParameter(ID).templateParameter(CRON)
                .from("quartz:hippocamel-connectors/{{" + ID + "}}?cron={{" + CRON + "}}&stateful=true")
                .setBody(constant("{{" + ID + "}}"))
                .bean(connectors, "runById");

        for (ConnectorConfig config : connectors.enabled()) {
            templatedRoute(CONNECTOR_TEMPLATE).routeId(CONNECTOR_ROUTE_PREFIX + config.id())
                    .parameter(ID, config.id())
                    // Quartz's URI form of a cron expression: fields separated by '+'
                    .parameter(CRON, config.schedule().strip().replaceAll("\\s+", "+"));
        }

        from(CONNECTOR_SYNC_QUEUE + "?concurrentConsumers=2").routeId(ROUTE_CONNECTOR_MANUAL)
                .bean(connectors, "runById");
    }
}
