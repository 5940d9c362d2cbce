package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.ServerTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.FluentProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server with the project's {@code routes/} loaded and every example route switched on, pointed at
 * temporary folders. One Spring context (and its own data dir) serves every test of the component and the
 * examples; tests keep apart through their own container tags. The server's first key, {@link #KEY_A}, is the
 * tenant endpoints act for by default.
 */
@ContextConfiguration(initializers = MemoryCamelTestSupport.OwnDataDir.class)
public abstract class MemoryCamelTestSupport extends ServerTestSupport {

    private static final Path CAMEL_DATA_DIR = tempDir("hippocamel-camel-data-");
    protected static final Path DROP_DIR = tempDir("hippocamel-inbox-");
    protected static final Path DIGEST_DIR = tempDir("hippocamel-digests-");
    protected static final String DROP_TAG = uniqueTag("camel-drop");
    protected static final String DIGEST_TAG = uniqueTag("camel-digest");
    protected static final String WEBHOOK_TAG = uniqueTag("camel-notes");
    protected static final String WEBHOOK_TOKEN = "hook-token-" + uniqueTag("t");

    @Autowired
    protected CamelContext camel;

    protected FluentProducerTemplate template;

    @DynamicPropertySource
    static void exampleRoutes(DynamicPropertyRegistry registry) {
        registry.add("camel.main.routes-include-pattern", () -> "file:routes/*.yaml");
        // Quartz names its scheduler after the Camel context: a name of its own keeps this context's digest
        // schedule apart from any other server context in the same JVM
        registry.add("camel.main.name", () -> "hippocamel-camel-test");
        registry.add("hippocamel.examples.drop-folder.enabled", () -> "true");
        registry.add("hippocamel.examples.failed-documents.enabled", () -> "true");
        registry.add("hippocamel.examples.drop-folder.dir", DROP_DIR::toString);
        registry.add("hippocamel.examples.drop-folder.container-tag", () -> DROP_TAG);
        registry.add("hippocamel.examples.webhook.enabled", () -> "true");
        registry.add("hippocamel.examples.webhook.token", () -> WEBHOOK_TOKEN);
        registry.add("hippocamel.examples.webhook.container-tag", () -> WEBHOOK_TAG);
        registry.add("hippocamel.examples.digest.enabled", () -> "true");
        registry.add("hippocamel.examples.digest.cron", () -> "0/2 * * * * ?");
        registry.add("hippocamel.examples.digest.dir", DIGEST_DIR::toString);
        registry.add("hippocamel.examples.digest.container-tag", () -> DIGEST_TAG);
        registry.add("hippocamel.examples.digest.query", () -> "which supplier delivers the turbines");
    }

    @Autowired
    private Environment environment;

    /**
     * Gives this context its own data dir: the base class registers {@code hippocamel.data-dir} as a dynamic
     * property too, and a subclass's registration does not reliably win, while two contexts on one Lucene index
     * cannot both start. Runs after the dynamic properties are in place and puts this value in front of them.
     */
    static class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("camel-test-data-dir",
                    Map.of("hippocamel.data-dir", CAMEL_DATA_DIR.toString())));
        }
    }

    @BeforeEach
    void producerTemplate() {
        assertThat(environment.getProperty("hippocamel.data-dir")).as("this context's data dir")
                .isEqualTo(CAMEL_DATA_DIR.toString());
        template = camel.createFluentProducerTemplate();
    }
}
