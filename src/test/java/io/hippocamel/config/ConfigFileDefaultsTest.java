package io.hippocamel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.embed.EmbeddingProperties;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/** Defaults as the shipped config/application.yaml binds them on this machine (no environment overrides). */
class ConfigFileDefaultsTest {

    @Test
    @DisplayName("embedding threads default to one per CPU core, not a fixed number")
    void embeddingThreadsFollowTheCores() throws IOException {
        StandardEnvironment env = shippedConfig();
        // a number in the file would pin every machine to it (HIPPOCAMEL_EMBEDDING_THREADS still overrides)
        assertThat(env.getProperty("hippocamel.embedding.threads")).as("hippocamel.embedding.threads").isNull();
        EmbeddingProperties props = Binder.get(env).bindOrCreate("hippocamel.embedding", EmbeddingProperties.class);
        assertThat(props.getThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private static StandardEnvironment shippedConfig() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        // only the file: the machine's environment variables must not decide the test
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("config", new FileSystemResource("config/application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        return env;
    }
}
