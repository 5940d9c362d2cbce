package io.hippocamel.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.HippocamelApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A normal start and stop log a few useful lines: no GPU warnings, no Quartz banner, no line per route. */
@ExtendWith(OutputCaptureExtension.class)
class StartupLogTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("start and stop are quiet: one summary line with port, store, data dir and key; no per-route lines")
    void quietStartAndStop(CapturedOutput output) {
        // arguments, so they win over config/application.yaml; no key configured: one is generated in dataDir
        ConfigurableApplicationContext server = new SpringApplicationBuilder(HippocamelApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1", "--hippocamel.data-dir=" + dataDir);
        String start = output.getAll();
        server.close();
        String all = output.getAll();

        assertThat(start).contains("Hippocamel ready on port", "lucene store at", dataDir.resolve("api-key").toString());
        assertThat(start).containsPattern("Routes startup \\(total:\\d+");
        assertThat(all).doesNotContain("CUDA", "Quartz Scheduler v.", "Scheduler meta-data");
        assertThat(all).doesNotContainPattern("(?m)^\\S+\\s+INFO .*:\\s+(Started|Stopped|Shutdown|Disabled) \\S+ \\(");
    }
}
