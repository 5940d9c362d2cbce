package io.hippocamel.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.ingest.UrlFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh checkout declares no connector; the examples in connectors/examples/ (not loaded) are off and valid once
 * copied into connectors/ and enabled with their variables set.
 */
class ExampleConnectorsTest {

    private static final Path CONNECTORS = Path.of("connectors");
    private static final Path EXAMPLES = CONNECTORS.resolve("examples");

    @Test
    @DisplayName("a fresh install declares no connector: the examples are not in the loaded folder")
    void freshInstallHasNoConnectors() {
        assertThat(loader().loadAll(CONNECTORS)).isEmpty();
        assertThat(EXAMPLES).isDirectory();
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("every example loads and is disabled, so a fresh checkout starts without any secrets")
    void disabledByDefault() {
        List<ConnectorConfig> examples = loader().loadAll(EXAMPLES);
        assertThat(examples).extracting(ConnectorConfig::type).contains("google-drive", "notion", "filesystem");
        assertThat(examples).allSatisfy(c -> assertThat(c.enabled()).as(c.id()).isFalse());
    }

    @Test
    @DisplayName("enabled, with their environment variables set, the examples are valid")
    void validWhenEnabled() throws IOException {
        Path handbook = Files.createDirectories(dir.resolve("handbook"));
        try (var files = Files.list(EXAMPLES)) {
            for (Path example : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String yaml = Files.readString(example).replace("enabled: false", "enabled: true")
                        .replace("/srv/handbook", handbook.toString());
                Path copy = Files.writeString(dir.resolve(example.getFileName()), yaml);
                assertThat(loader().load(copy).enabled()).as(example.toString()).isTrue();
            }
        }
    }

    private static ConnectorConfigLoader loader() {
        return new ConnectorConfigLoader(ConnectorConfiguration.sourceTypes(new ObjectMapper(),
                new UrlFetcher(false, 1024, Duration.ofSeconds(1)), new IngestProperties()),
                name -> "value-of-" + name);
    }

}
