package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hippocamel.HippocamelApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A broken route file stops the server from starting, with a message naming the file: the real application is
 * started with {@code camel.main.routes-include-pattern} pointing at a folder holding only that file.
 */
class RouteFileStartupFailureTest {

    @TempDir
    Path dir;

    private Throwable start(String fileName, String yaml) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve(fileName), yaml);
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(HippocamelApplication.class).run(
                    "--server.port=0", "--server.address=127.0.0.1",
                    "--hippocamel.data-dir=" + dir.resolve("data"),
                    "--hippocamel.api-keys[0]=sm_startup_failure_test",
                    "--camel.main.routes-include-pattern=file:" + routes + "/*.yaml");
            app.close();
        });
        assertThat(failure).as("start-up with " + fileName).isNotNull();
        return failure;
    }

    private static String messages(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null && !messages.contains(String.valueOf(c.getMessage())); c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        return String.join("\n", messages);
    }

    @Test
    @DisplayName("a file that is not valid YAML fails start-up naming the file")
    void malformedYaml() throws IOException {
        Throwable failure = start("half-written.yaml", """
                - route:
                    id: half-written
                    from:
                      uri: timer:tick
                      steps:
                        - log: "tick"
                      - to: "memory:add"
                """);
        assertThat(messages(failure)).contains("half-written.yaml");
    }

    @Test
    @DisplayName("an unknown memory: option fails start-up naming the file, the route and the option")
    void unknownOption() throws IOException {
        Throwable failure = start("typo.yaml", """
                - route:
                    id: typo-route
                    from:
                      uri: timer:tick?repeatCount=1
                      steps:
                        - to:
                            uri: memory:add
                            parameters:
                              containerTag: notes
                              metdata.source: typo
                """);
        assertThat(messages(failure)).contains("Route file file:" + dir.resolve("routes/typo.yaml") + ", route"
                + " typo-route").contains("metdata.source=typo");
        assertThat(failure).hasRootCauseInstanceOf(ResolveEndpointFailedException.class);
    }
}
