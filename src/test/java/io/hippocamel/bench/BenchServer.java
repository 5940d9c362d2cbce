package io.hippocamel.bench;

import io.hippocamel.HippocamelApplication;
import io.hippocamel.tenancy.ApiKeys;
import io.hippocamel.store.elasticsearch.EmbeddedElasticsearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Hippocamel server, started in this JVM on a random loopback port with a fresh data dir and one API key,
 * exactly as {@code HippocamelApplication.main} would start it with these command-line arguments.
 */
final class BenchServer implements AutoCloseable {

    static final String API_KEY = "sm_bench_key";

    private final ConfigurableApplicationContext context;
    private final int port;
    private final ApiClient client;

    private BenchServer(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        this.client = new ApiClient(port, API_KEY);
    }

    /**
     * Starts a server whose data dir is {@code dataDir}, wiped first; {@code extraArgs} are further settings
     * ({@code key=value}, the leading {@code --} optional) for what a section needs beyond the shipped configuration.
     */
    static BenchServer start(Path dataDir, String... extraArgs) {
        wipe(dataDir);
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--hippocamel.data-dir=" + dataDir.toAbsolutePath(),
                "--hippocamel.api-keys[0]=" + API_KEY,
                "--spring.main.banner-mode=off"));
        args.addAll(storeArgs(dataDir));
        // bench.server-args: space-separated key=value settings for every section, as a lever under test
        String common = System.getProperty("bench.server-args", "").strip();
        Stream.concat(Stream.of(extraArgs), common.isEmpty() ? Stream.empty() : Arrays.stream(common.split("\\s+")))
                .map(a -> a.startsWith("--") ? a : "--" + a).forEach(args::add);
        ConfigurableApplicationContext context = new SpringApplication(HippocamelApplication.class)
                .run(args.toArray(String[]::new));
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        Progress.log("server", "started on 127.0.0.1:%d in %.1f s, data dir %s", port, (System.nanoTime() - t0) / 1e9,
                dataDir);
        return new BenchServer(context, port);
    }

    /**
     * With {@code -Dbench.store=elasticsearch}: the Elasticsearch store on the embedded node (or ES_URL), in indices
     * of their own for every server start, so each section starts from an empty pool as it does on Lucene.
     */
    private static List<String> storeArgs(Path dataDir) {
        if (!"elasticsearch".equals(System.getProperty("bench.store", "lucene"))) {
            return List.of();
        }
        String prefix = "bench-" + dataDir.getFileName().toString().toLowerCase(java.util.Locale.ROOT) + "-"
                + System.currentTimeMillis();
        return List.of("--hippocamel.store.type=elasticsearch",
                "--hippocamel.store.elasticsearch.url=" + EmbeddedElasticsearch.url(),
                "--hippocamel.store.elasticsearch.index-prefix=" + prefix,
                "--hippocamel.store.elasticsearch.replicas=0");
    }

    ApiClient client() {
        return client;
    }

    /** The loopback port the server listens on. */
    int port() {
        return port;
    }

    /** A bean of the running server (the embedder, the store, the configuration). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The tenant id the server derives from the benchmark's API key. */
    String tenant() {
        return ApiKeys.tenantOf(API_KEY);
    }

    @Override
    public void close() {
        context.close();
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
