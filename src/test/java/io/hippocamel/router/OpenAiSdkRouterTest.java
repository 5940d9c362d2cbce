package io.hippocamel.router;

import io.hippocamel.testsupport.FakeLlmUpstream;
import io.hippocamel.testsupport.NodeScripts;
import io.hippocamel.testsupport.ServerTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The official {@code openai} npm SDK through the router ({@code src/test/sdk/router-e2e.mjs}). */
@DisabledIfSystemProperty(named = "skip.e2e", matches = "true", disabledReason = "end-to-end tests skipped")
class OpenAiSdkRouterTest extends ServerTestSupport {

    /** Runs before the server starts: without Node the test fails at once, saying what to install. */
    @BeforeAll
    static void nodeInstalled() {
        NodeScripts.requireNode();
    }

    @Test
    @DisplayName("the openai SDK, pointed at the router, gets memories, streams, errors and pass-through")
    void openAiSdkThroughTheRouter() throws Exception {
        NodeScripts.installIfMissing("supermemory", "openai");
        NodeScripts.runAndAssertPassed("router-e2e.mjs", Map.of(
                "HC_BASE_URL", "http://127.0.0.1:" + port,
                "HC_API_KEY", KEY_A,
                "HC_UPSTREAM", FakeLlmUpstream.get().baseUrl()), Duration.ofMinutes(5));
    }
}
