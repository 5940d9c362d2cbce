package io.hippocamel.store.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.EmbeddedNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * A real Elasticsearch node (the server jar from Maven Central) running inside this JVM, plain HTTP on 127.0.0.1.
 * Tests share one per JVM ({@link #url()}, or the cluster at {@code ES_URL} when that is set); {@link #main} runs one
 * for development.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static String sharedUrl;

    private final Node node;
    private final String url;

    private EmbeddedElasticsearch(Node node, String url) {
        this.node = node;
        this.url = url;
    }

    /** The shared test cluster: {@code ES_URL} when set, else an embedded node started on first use. */
    public static synchronized String url() {
        if (sharedUrl == null) {
            String external = System.getenv("ES_URL");
            if (external != null && !external.isBlank()) {
                sharedUrl = external;
            } else {
                Path home = temporaryHome();
                EmbeddedElasticsearch shared;
                try {
                    shared = start(home, home.resolve("data"), 0);
                } catch (RuntimeException | Error e) {
                    deleteRecursively(home); // a node that did not start leaves no folder behind
                    throw e;
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.close();
                    deleteRecursively(home);
                }));
                sharedUrl = shared.url;
            }
        }
        return sharedUrl;
    }

    /** Starts a single-node cluster with its data in {@code dataDir}, HTTP on {@code httpPort} (0: a free one). */
    public static EmbeddedElasticsearch start(Path home, Path dataDir, int httpPort) {
        Settings settings = Settings.builder()
                .put("cluster.name", "hippocamel-embedded")
                .put("node.name", "embedded-node")
                .put("path.home", home.toString())
                .put("path.data", dataDir.toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", 0)
                .put("discovery.type", "single-node")
                // a nearly full disk must not turn the test indices read-only
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        // installs Elasticsearch's logging provider (the node cannot start without one); its one-line complaint that
        // log4j-core is not the active Log4j backend is harmless: the node's logs go through SLF4J like everything else
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new EmbeddedNode(new Environment(settings, null),
                List.of(Netty4Plugin.class, RootInfoPlugin.class));
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Elasticsearch did not start", e);
        }
        int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        return new EmbeddedElasticsearch(node, "http://127.0.0.1:" + port);
    }

    public String httpUrl() {
        return url;
    }

    @Override
    public void close() {
        try {
            node.close();
            node.awaitClose(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A development node: {@code mvn -Pes-node} (see README "Running on Elasticsearch"). Arguments: data folder
     * (default target/es-node) and HTTP port (default 9200). Stops on Ctrl-C / SIGTERM.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/es-node").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9200;
        Files.createDirectories(dir);
        EmbeddedElasticsearch node = start(dir, dir.resolve("data"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println("Elasticsearch " + org.elasticsearch.Build.current().qualifiedVersion() + " listening on "
                + node.httpUrl() + " (data in " + dir + "); stop with Ctrl-C");
        Thread.currentThread().join();
    }

    private static Path temporaryHome() {
        try {
            return Files.createTempDirectory("hippocamel-es-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
