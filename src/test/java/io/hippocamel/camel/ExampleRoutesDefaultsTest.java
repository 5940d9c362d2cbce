package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The example routes are harmless with no configuration: every file in routes/ parses, and the examples that act
 * on their own or open a write endpoint (drop folder, digest, webhook) do not start unless switched on.
 */
class ExampleRoutesDefaultsTest {

    @Test
    @DisplayName("every routes/*.yaml loads; no example starts by default")
    void harmlessByDefault() throws Exception {
        Map<String, String> autoStartup = new LinkedHashMap<>();
        try (DefaultCamelContext context = new DefaultCamelContext();
             Stream<Path> files = Files.list(Path.of("routes"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).extracting(p -> p.getFileName().toString()).containsExactly("drop-folder.yaml",
                    "failed-documents.yaml", "nightly-digest.yaml", "webhook-notes.yaml");
            for (Path file : yaml) {
                PluginHelper.getRoutesLoader(context).loadRoutes(
                        PluginHelper.getResourceLoader(context).resolveResource("file:" + file));
            }
            for (RouteDefinition route : context.getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteDefinitions()) {
                autoStartup.put(route.getRouteId(), context.resolvePropertyPlaceholders(route.getAutoStartup()));
            }
        }
        assertThat(autoStartup).containsExactlyInAnyOrderEntriesOf(Map.of(
                "example-drop-folder", "false",
                "example-nightly-digest", "false",
                "example-webhook-notes", "false",
                // the server already warns once per failed document; the example would repeat it
                "example-failed-documents", "false"));
    }

    @Test
    @DisplayName("the webhook refuses every caller while no token is configured, and wrong or empty tokens after")
    void webhookNeedsAToken() throws Exception {
        assertThat(refused(null, null)).isTrue();
        assertThat(refused(null, "")).isTrue();
        assertThat(refused(null, "anything")).isTrue();
        assertThat(refused("s3cret-token", "s3cret-token")).isFalse();
        assertThat(refused("s3cret-token", "s3cret-tokenx")).isTrue();
        assertThat(refused("s3cret-token", "")).isTrue();
        assertThat(refused("s3cret-token", null)).isTrue();
    }

    /** Evaluates the webhook route's refusal predicate with this token configured and this header sent. */
    private static boolean refused(String configuredToken, String sentToken) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Properties props = new Properties();
            if (configuredToken != null) {
                props.setProperty("hippocamel.examples.webhook.token", configuredToken);
            }
            context.getPropertiesComponent().setInitialProperties(props);
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    PluginHelper.getResourceLoader(context).resolveResource("file:routes/webhook-notes.yaml"));
            Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
            RouteDefinition route = model.getRouteDefinition("example-webhook-notes");
            ChoiceDefinition choice = route.getOutputs().stream().filter(ChoiceDefinition.class::isInstance)
                    .map(ChoiceDefinition.class::cast).findFirst().orElseThrow();
            String predicate = context.resolvePropertyPlaceholders(
                    choice.getWhenClauses().get(0).getExpression().getExpression());
            // only the predicate is evaluated here: the route itself needs the server's components
            model.removeRouteDefinitions(List.copyOf(model.getRouteDefinitions()));
            context.start();
            Exchange exchange = new DefaultExchange(context);
            if (sentToken != null) {
                exchange.getMessage().setHeader("X-Hook-Token", sentToken);
            }
            return context.resolveLanguage("simple").createPredicate(predicate).matches(exchange);
        }
    }
}
