package io.hippocamel.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.HippocamelApplication;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
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
@EnabledIf(value = "nodeOnPath", disabledReason = "`node` is not on PATH: the SDK end-to-end test needs Node.js 18+")
class SupermemorySdkTest {

    static final String API_KEY = "sm_e2e_sdk_test_key_tenant_one";
    static final String OTHER_TENANT_KEY = "sm_e2e_sdk_test_key_tenant_two";

    private static final Path SDK_DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/sdk");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SDK_RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final int TAIL_LINES = 200;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hippocamel.data-dir", () -> dataDir.toString());
    }

    /** Condition of {@link EnabledIf}: evaluated before the Spring context starts, so a skip costs nothing. */
    static boolean nodeOnPath() {
        return nodeVersion() != null;
    }

    @Test
    void officialSdkPassesItsWalkThroughTheMemoryApi() throws Exception {
        installSdkIfMissing();

        ProcessBuilder node = new ProcessBuilder("node", "--test-reporter=spec", "sdk-e2e.mjs")
                .directory(SDK_DIR.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = node.environment();
        env.keySet().removeIf(name -> name.startsWith("SUPERMEMORY_")); // the SDK reads these; keep the run hermetic
        env.put("HC_BASE_URL", "http://127.0.0.1:" + port);
        env.put("HC_API_KEY", API_KEY);
        env.put("HC_API_KEY_2", OTHER_TENANT_KEY);
        env.put("NO_COLOR", "1");

        Run run = Run.of(node, "sdk-e2e", SDK_RUN_TIMEOUT);
        assertThat(run.timedOut())
                .as("sdk-e2e.mjs did not finish within %s; last output:%n%s", SDK_RUN_TIMEOUT, run.tail())
                .isFalse();
        assertThat(run.exitCode())
                .as("sdk-e2e.mjs failed (exit %d); last output:%n%s", run.exitCode(), run.tail())
                .isZero();
    }

    private static void installSdkIfMissing() throws Exception {
        if (Files.isDirectory(SDK_DIR.resolve("node_modules/supermemory"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(SDK_DIR.toFile())
                .redirectErrorStream(true);
        Run run = Run.of(npm, "npm ci", NPM_TIMEOUT);
        assertThat(run.timedOut()).as("npm ci timed out; output:%n%s", run.tail()).isFalse();
        assertThat(run.exitCode()).as("npm ci in %s failed; output:%n%s", SDK_DIR, run.tail()).isZero();
    }

    /** The output of `node --version`, or null when node cannot be started. */
    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A child process whose output is streamed to the test log line by line, with the last lines kept. */
    private record Run(boolean timedOut, int exitCode, List<String> lastLines) {

        static Run of(ProcessBuilder builder, String label, Duration timeout) throws Exception {
            System.out.printf("[%s] $ %s (in %s)%n", label, String.join(" ", builder.command()), builder.directory());
            Process process = builder.start();
            Deque<String> tail = new ArrayDeque<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        System.out.println("[" + label + "] " + line);
                        synchronized (tail) {
                            tail.addLast(line);
                            if (tail.size() > TAIL_LINES) {
                                tail.removeFirst();
                            }
                        }
                    }
                } catch (IOException e) {
                    System.out.println("[" + label + "] (output closed: " + e.getMessage() + ")");
                }
            }, label + "-output");
            pump.setDaemon(true);
            pump.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            pump.join(TimeUnit.SECONDS.toMillis(30));
            synchronized (tail) {
                return new Run(!finished, finished ? process.exitValue() : -1, List.copyOf(tail));
            }
        }

        String tail() {
            return String.join(System.lineSeparator(), lastLines);
        }
    }
}
