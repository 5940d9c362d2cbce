package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hippocamel.HippocamelApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A bad connector file stops the real server from starting, with a message naming the file and the key. */
class ConnectorStartupFailureTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a bad cron in a connector file fails start-up naming the file and the key")
    void badCronFailsStartup() throws IOException {
        Path connectors = Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(connectors.resolve("team-drive.yaml"), """
                id: team-drive
                type: filesystem
                schedule: "every quarter hour"
                containerTag: acme
                settings:
                  path: %s
                """.formatted(dir));

        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HippocamelApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--hippocamel.data-dir=" + dir.resolve("data"),
                "--hippocamel.api-keys[0]=sm_connector_startup_test",
                "--hippocamel.connectors.dir=" + connectors).close());

        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null && !(root instanceof ConnectorConfigException)) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(ConnectorConfigException.class)
                .hasMessageContaining(connectors.resolve("team-drive.yaml").toString())
                .hasMessageContaining("key 'schedule'");
    }
}
