package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark command: runs the selected sections (each against a freshly started server) and writes the report,
 * {@code BENCHMARKS.md} for a full run, {@code BENCHMARKS-partial.md} beside the data dirs for a subset or quick run.
 *
 * <p>System properties: {@code bench.sections} (embedder, ingest, scifact, locomo, latency, router; default all),
 * {@code bench.quick=true} (small sizes, a smoke run of a few minutes), {@code bench.out}, {@code bench.data-dir},
 * {@code bench.datasets} (the shared data folder), {@code bench.levers} (default true: the embedder and quality
 * sections also measure the other embedding model and the chunk-context levers), {@code bench.server-args}
 * (space-separated {@code key=value} settings for every section's server, to try a lever on everything).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        // the JDK's HttpServer (the router section's fake upstream) answers without TCP_NODELAY unless told: Nagle and
        // delayed ACKs then add ~40 ms to calls that real upstreams answer at once (measured: router p50 61 -> 17 ms)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BenchOptions options = BenchOptions.fromSystemProperties();
        long t0 = System.nanoTime();
        Progress.log("main", "sections %s%s; report %s", options.sections(), options.quick() ? " (quick)" : "",
                options.report().toAbsolutePath());
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

        List<String> body = new ArrayList<>();
        List<String[]> headline = new ArrayList<>();
        double embedderRate = Double.NaN;
        double embedderCpu = Double.NaN;
        if (options.runs("embedder")) {
            EmbedderBenchmark.Result r = EmbedderBenchmark.run(options);
            embedderRate = r.textsPerSecond();
            embedderCpu = r.cpuMsPerText();
            body.add("## 1. Raw embedder throughput\n\n" + r.markdown());
            headline.add(new String[] {"raw embedder, short texts", f(r.textsPerSecond(), 1) + " texts/s",
                "the physical limit of ingest here"});
        }
        if (options.runs("ingest")) {
            IngestBenchmark.Result r = IngestBenchmark.run(options, embedderRate, embedderCpu);
            body.add("## 2. Ingest throughput to `done`\n\n" + r.markdown());
            headline.add(new String[] {"ingest of short texts to done", f(r.docsPerSecond(), 1) + " docs/s = "
                    + f(r.ratio() * 100, 0) + " % of the embedder", "≥ 80 %"});
            headline.add(new String[] {"ingest of small PDF/DOCX/HTML files to done",
                f(r.filesPerSecond(), 1) + " files/s", ""});
        }
        if (options.runs("scifact")) {
            SciFactBenchmark.Result r = SciFactBenchmark.run(options);
            body.add("## 3. Retrieval quality: BEIR SciFact (train split)\n\n" + r.markdown());
            SciFactBenchmark.Score bm25 = r.scores().get(0);
            SciFactBenchmark.Score vectors = r.scores().get(1);
            headline.add(new String[] {"SciFact nDCG@10 (train): BM25 / vectors / shipped hybrid (best hybrid)",
                f(bm25.ndcg10(), 3) + " / " + f(vectors.ndcg10(), 3) + " / " + f(r.shipped().ndcg10(), 3) + " ("
                        + r.shipped().mode().label() + "; best " + f(r.winner().ndcg10(), 3) + ", "
                        + r.winner().mode().label() + ")", "hybrid above both; ≥ 0.70"});
        }
        if (options.runs("locomo")) {
            LocomoBenchmark.Result r = LocomoBenchmark.run(options);
            body.add("## 4. Retrieval quality: LoCoMo turn recall (development split)\n\n" + r.markdown());
            LocomoBenchmark.Score best = r.scores().stream()
                    .max((a, b) -> Double.compare(a.r10All(), b.r10All())).orElseThrow();
            headline.add(new String[] {"LoCoMo turn recall@10 (all categories): BM25 / vectors / shipped hybrid "
                + "(best)", f(r.scores().get(0).r10All(), 1) + " / " + f(r.scores().get(1).r10All(), 1) + " / "
                        + f(r.shipped().r10All(), 1) + " (" + r.shipped().mode().label() + "; best "
                        + f(best.r10All(), 1) + ", " + best.mode().label() + ")", "≥ 72 (DRAGON 66.2)"});
        }
        if (options.runs("latency")) {
            SearchLatencyBenchmark.Result r = SearchLatencyBenchmark.run(options);
            body.add("## 5. `/v4/search` latency\n\n" + r.markdown());
            for (SearchLatencyBenchmark.Phase p : r.phases()) {
                headline.add(new String[] {"`/v4/search` at " + f(p.chunks(), 0) + " chunks, " + p.clients()
                        + (p.clients() == 1 ? " client" : " clients"), "p50 " + f(p.p50(), 1) + " ms, p95 "
                        + f(p.p95(), 1) + " ms, p99 " + f(p.p99(), 1) + " ms" + (p.clients() > 1 ? ", "
                        + f(p.qps(), 0) + " QPS" : ""), p.clients() == 1 && p == r.phases().get(r.phases().size() - 2)
                        ? "p50 ≤ 15 ms, p95 ≤ 40 ms" : ""});
            }
        }
        if (options.runs("router")) {
            RouterLatencyBenchmark.Result r = RouterLatencyBenchmark.run(options);
            body.add(r.markdown().replaceFirst("^## ", "## 6. "));
            headline.add(new String[] {"Memory Router added latency (memory on), non-streaming",
                "p50 " + f(r.addedP50(), 1) + " ms, p99 " + f(r.addedP99(), 1) + " ms", "p50 ≤ 15 ms, p99 ≤ 50 ms"});
            headline.add(new String[] {"Memory Router added latency, streaming first event",
                "p50 " + f(r.addedTtfbP50(), 1) + " ms, p99 " + f(r.addedTtfbP99(), 1) + " ms", ""});
        }
        if (options.runs("elasticsearch")) {
            body.add(ElasticsearchComparison.run(options, embedderRate, embedderCpu, headline));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String report = header(options, started, took) + headline(headline) + "\n" + String.join("\n", body);
        Path out = options.report().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        if (out.getFileName().toString().equals("BENCHMARKS.md") && Files.exists(Path.of("README.md"))) {
            ReadmeFigures.update(Path.of("README.md"), out); // the README quotes this run's tables, never old ones
        }
        Progress.log("main", "done in %dm%02ds; wrote %s", took.toMinutes(), took.toSecondsPart(), out);
        System.exit(0); // the servers' non-daemon threads are closed, but a stray one must not keep Maven waiting
    }

    private static String header(BenchOptions options, ZonedDateTime started, Duration took) {
        Runtime rt = Runtime.getRuntime();
        return "# Hippocamel benchmarks\n\n"
                + "Produced by `mvn -B -Pbench verify` (one run, all numbers below from it"
                + (options.quick() ? "; **quick smoke run: small sizes, not representative**" : "") + ").\n\n"
                + "| machine | |\n|---|---|\n"
                + "| date | " + started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")) + " (run took "
                + took.toMinutes() + " min " + took.toSecondsPart() + " s) |\n"
                + "| CPU | " + rt.availableProcessors() + " cores (nproc), " + cpuModel().orElse("unknown model")
                + " |\n"
                + "| memory | " + memTotal().orElse("unknown") + " RAM; JVM max heap " + rt.maxMemory() / (1 << 20)
                + " MiB |\n"
                + "| JDK | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()) + ") |\n"
                + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + " |\n"
                + "| sections | " + String.join(", ", options.sections()) + " |\n"
                + "| store | " + System.getProperty("bench.store", "lucene") + " |\n\n"
                + "Each section starts its own server in this JVM (`HippocamelApplication`, port 0 on 127.0.0.1, a "
                + "fresh data dir, the shipped configuration) and talks to it over loopback HTTP with "
                + "`java.net.http`, as a client would. The machine is shared and noisy: figures are medians of "
                + "repetitions where a section repeats, and CPU columns show this JVM's share of the cores next to "
                + "the whole machine's (a machine figure far above the JVM's means other processes ran meanwhile).\n\n";
    }

    private static String headline(List<String[]> rows) {
        MarkdownTable table = new MarkdownTable("headline", "measured", "target");
        rows.forEach(r -> table.row((Object[]) r));
        return "## Headline figures\n\n" + table;
    }

    private static Optional<String> cpuModel() {
        return procLine("/proc/cpuinfo", "model name");
    }

    private static Optional<String> memTotal() {
        return procLine("/proc/meminfo", "MemTotal").map(v -> {
            long kb = Long.parseLong(v.replaceAll("\\D", ""));
            return f(kb / 1024.0 / 1024.0, 1) + " GiB";
        });
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
