package io.hippocamel.camel;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OutputNode;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.spring.boot.CamelContextConfiguration;

/**
 * Resolves every static endpoint URI of the routes loaded from files ({@code camel.main.routes-include-pattern})
 * before Camel starts, so that an unknown component, a misspelt option or a bad option value fails start-up with
 * the file's name. Camel's own error names only the route (its source location is lost on that path in 4.18);
 * a file that is not valid YAML already fails with its name while loading.
 */
public class RouteFileValidator implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            if (configuration.getResource() != null) {
                String what = "route configuration " + configuration.getId();
                check(context, configuration.getResource(), what, configuration.getOnExceptions());
                check(context, configuration.getResource(), what, configuration.getOnCompletions());
            }
        }
        for (RouteDefinition route : model.getRouteDefinitions()) {
            Resource resource = route.getResource();
            if (resource == null) {
                continue;
            }
            String what = "route " + route.getRouteId();
            resolve(context, resource, what, route.getInput().getEndpointUri());
            check(context, resource, what, route.getOutputs());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext context) {
        // nothing to do once started
    }

    /** Walks steps and their nested steps (choice branches, doTry blocks, ...). */
    private static void check(CamelContext context, Resource resource, String what, List<?> nodes) {
        for (Object node : nodes) {
            if (node instanceof EndpointRequiredDefinition step) {
                resolve(context, resource, what, step.getEndpointUri());
            }
            if (node instanceof ChoiceDefinition choice) {
                check(context, resource, what, choice.getWhenClauses());
                if (choice.getOtherwise() != null) {
                    check(context, resource, what, List.of(choice.getOtherwise()));
                }
            }
            if (node instanceof ProcessorDefinition<?> processor) {
                check(context, resource, what, processor.getOutputs());
            } else if (node instanceof OutputNode output) {
                check(context, resource, what, output.getOutputs());
            }
        }
    }

    private static void resolve(CamelContext context, Resource resource, String what, String uri) {
        if (uri == null) {
            return; // built from an endpoint builder: nothing read from the file
        }
        try {
            context.getEndpoint(uri);
        } catch (RuntimeException e) {
            throw new InvalidRouteFileException(resource.getLocation(), what, e);
        }
    }

    /** A route file whose endpoints cannot be created; the message starts with the file's location. */
    public static class InvalidRouteFileException extends IllegalStateException {

        public InvalidRouteFileException(String location, String what, RuntimeException cause) {
            super("Route file " + location + ", " + what + ": " + cause.getMessage(), cause);
        }
    }
}
