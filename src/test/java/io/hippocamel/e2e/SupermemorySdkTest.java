package io.hippocamel.e2e;

import io.hippocamel.HippocamelApplication;
import io.hippocamel.testsupport.NodeScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The official {@code supermemory} npm SDK, used as a new user would (only baseURL and apiKey change), passes its
 * walk through the Memory API ({@code src/test/sdk/sdk-e2e.mjs}) against the real server on a random loopback port.
 */
@SpringBootTest(
        classes = HippocamelApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.address=127.0.0.1",
            "hippocamel.api-keys[0]=" + SupermemorySdkTest.API_KEY,
            "hippocamel.api-keys[1]=" + SupermemorySdkTest.OTHER_TENANT_KEY,
            "hippocamel.ingest.allow-private-urls=true"
        })
@DirtiesContext // close the server (and its store) before the temporary data dir is removed
@DisabledIfSystemProperty(named = "skip.e2e", matches = "true", disabledReason = "end-to-end tests skipped by -Dskip.e2e=true")
class SupermemorySdkTest {

    static final String API_KEY = "sm_e2e_sdk_test_key_tenant_one";
    static final String OTHER_TENANT_KEY = "sm_e2e_sdk_test_key_tenant_two";

    private static final Duration SDK_RUN_TIMEOUT = Duration.ofMinutes(5);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.data-dir", () -> dataDir.toString());
    }

    /** Runs before the server starts: without Node the test fails at once, saying what to install. */
    @BeforeAll
    static void nodeInstalled() {
        NodeScripts.requireNode();
    }

    @Test
    void officialSdkPassesItsWalkThroughTheMemoryApi() throws Exception {
        NodeScripts.installIfMissing("supermemory", "openai");
        NodeScripts.runAndAssertPassed("sdk-e2e.mjs", Map.of(
                "HC_BASE_URL", "http://127.0.0.1:" + port,
                "HC_API_KEY", API_KEY,
                "HC_API_KEY_2", OTHER_TENANT_KEY), SDK_RUN_TIMEOUT);
    }
}
