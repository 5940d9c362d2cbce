package io.hippocamel.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Runs the Node.js scripts in src/test/sdk that drive the server through official client SDKs (installed with
 * {@code npm ci} from the committed lock file when missing), streaming their output to the test log.
 */
public final class NodeScripts {

    public static final Path SDK_DIR = Path.of(System.getProperty("basedir", ".")).resolve("src/test/sdk");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final int TAIL_LINES = 200;

    /** The oldest Node.js major version the pinned SDKs support (their READMEs: Node.js 20 LTS or later). */
    public static final int MIN_NODE_MAJOR = 20;

    private NodeScripts() {
    }

    /**
     * Fails (never skips) unless {@code node} of at least {@link #MIN_NODE_MAJOR} can be started: a missing Node must
     * not let the SDK tests pass silently. Call it from {@code @BeforeAll}, before a server starts.
     */
    public static void requireNode() {
        requireNode("node");
    }

    static void requireNode(String nodeCommand) {
        String version = nodeVersion(nodeCommand);
        assertThat(version).as("`node` is not on PATH: the SDK end-to-end tests need Node.js %d+ with npm; install it"
                + " (e.g. `apt-get install nodejs npm`; .ci/run does this) or skip them with -Dskip.e2e=true",
                MIN_NODE_MAJOR).isNotNull();
        assertThat(majorVersion(version)).as("node %s is too old: the SDK end-to-end tests need Node.js %d+; install"
                + " a newer Node.js or skip them with -Dskip.e2e=true", version, MIN_NODE_MAJOR)
                .isGreaterThanOrEqualTo(MIN_NODE_MAJOR);
    }

    /** {@code node --version} (e.g. v20.20.2), or null when node cannot be started. */
    static String nodeVersion(String nodeCommand) {
        try {
            Process p = new ProcessBuilder(nodeCommand, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static int majorVersion(String version) {
        String digits = version.replaceFirst("^v", "").replaceFirst("\\..*$", "");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : -1;
    }

    /** Installs the SDKs named in package.json unless they are all there already. */
    public static synchronized void installIfMissing(String... packages) throws Exception {
        boolean missing = false;
        for (String p : packages) {
            missing |= !Files.isDirectory(SDK_DIR.resolve("node_modules").resolve(p));
        }
        if (!missing) {
            return;
        }
        Run run = Run.of(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SDK_DIR.toFile())
                .redirectErrorStream(true), "npm ci", NPM_TIMEOUT);
        assertThat(run.timedOut()).as("npm ci timed out; output:%n%s", run.tail()).isFalse();
        assertThat(run.exitCode()).as("npm ci in %s failed; output:%n%s", SDK_DIR, run.tail()).isZero();
    }

    /** Runs {@code node --test-reporter=spec <script>} with the given environment and asserts it passed. */
    public static void runAndAssertPassed(String script, Map<String, String> env, Duration timeout)
            throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "--test-reporter=spec", script)
                .directory(SDK_DIR.toFile()).redirectErrorStream(true);
        // the SDKs read these; keep the run hermetic
        node.environment().keySet().removeIf(n -> n.startsWith("SUPERMEMORY_") || n.startsWith("OPENAI_"));
        node.environment().putAll(env);
        node.environment().put("NO_COLOR", "1");
        Run run = Run.of(node, script.replace(".mjs", ""), timeout);
        assertThat(run.timedOut()).as("%s did not finish within %s; last output:%n%s", script, timeout, run.tail())
                .isFalse();
        assertThat(run.exitCode()).as("%s failed (exit %d); last output:%n%s", script, run.exitCode(), run.tail())
                .isZero();
    }

    /** A child process whose output is streamed to the test log line by line, with the last lines kept. */
    record Run(boolean timedOut, int exitCode, List<String> lastLines) {

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
