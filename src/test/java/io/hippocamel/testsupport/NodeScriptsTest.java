package io.hippocamel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The SDK tests' Node check fails, with what to install, instead of skipping when Node is missing or too old. */
class NodeScriptsTest {

    @Test
    void missingNodeFailsWithAnInstallHint() {
        assertThatThrownBy(() -> NodeScripts.requireNode("/nonexistent/hippocamel-no-node"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("`node` is not on PATH")
                .hasMessageContaining("apt-get install nodejs npm");
    }

    @Test
    void readsTheMajorVersion() {
        assertThat(NodeScripts.majorVersion("v20.20.2")).isEqualTo(20);
        assertThat(NodeScripts.majorVersion("v18.20.4")).isLessThan(NodeScripts.MIN_NODE_MAJOR);
        assertThat(NodeScripts.majorVersion("garbage")).isEqualTo(-1);
    }

    @Test
    void theNodeOnThisMachineIsAccepted() {
        NodeScripts.requireNode();
    }
}
