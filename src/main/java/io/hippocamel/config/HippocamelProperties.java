package io.hippocamel.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The root of the {@code hippocamel.*} configuration: what every part shares. Each part binds its own section
 * ({@code StoreProperties}, {@code IngestProperties}, ...); every key is documented in config/application.yaml.
 */
@Validated
@ConfigurationProperties("hippocamel")
public class HippocamelProperties {

    /** Where the embedded store, uploaded files and the generated API key live. */
    @NotNull
    private Path dataDir = Path.of("./data");

    /** Accepted API keys; each key is its own tenant. Empty: a key is generated on first start. */
    private List<String> apiKeys = new ArrayList<>();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }
}
