package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import io.hippocamel.embed.EmbeddingProperties;
import io.hippocamel.ingest.IngestProperties;
import io.hippocamel.embed.Embedder;
import io.hippocamel.embed.OnnxEmbedder;
import io.hippocamel.embed.OnnxModel;
import java.util.List;
import java.util.Set;

/**
 * Section 1: the raw throughput of the server's own {@link Embedder} bean on short texts, in batches of the size the
 * ingest pipeline uses ({@code hippocamel.ingest.batch-documents}): the physical limit of short-text ingest here.
 * Also the latency of embedding one query text, the first step of every search.
 */
final class EmbedderBenchmark {

    private static final String SECTION = "embedder";
    private static final int REPETITIONS = 3;

    /** The measured figures; {@code textsPerSecond} is the median of the repetitions. */
    record Result(double textsPerSecond, double cpuMsPerText, String markdown) {
    }

    /** One repetition: texts/s, CPU ms per text, CPU busy % of this JVM and of the machine. */
    private record Rep(double rate, double cpuMsPerText, double busy, double machine) {
        boolean disturbed() {
            return CpuTime.disturbed(busy, machine);
        }
    }

    private EmbedderBenchmark() {
    }

    static Result run(BenchOptions options) {
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION))) {
            Embedder embedder = server.bean(Embedder.class);
            EmbeddingProperties embedding = server.bean(EmbeddingProperties.class);
            int batch = server.bean(IngestProperties.class).getBatchDocuments();
            int n = options.size(2_000, 300);
            List<String> texts = new SentenceGenerator(1).sentences(n, Set.of());
            Progress.log(SECTION, "%s (%d threads): %,d texts of %.1f words on average, batches of %d",
                    embedder.modelId(), embedding.getThreads(), n, meanWords(texts), batch);

            embedAll(embedder, texts.subList(0, Math.min(n, 256)), batch); // warm-up
            List<Rep> reps = Repetitions.run(SECTION, REPETITIONS, 3, rep -> {
                CpuTime cpu = CpuTime.start();
                long t0 = System.nanoTime();
                embedAll(embedder, texts, batch);
                Rep r = new Rep(n / ((System.nanoTime() - t0) / 1e9), cpu.msPer(n), cpu.busyPercent(),
                        cpu.machineBusyPercent());
                Progress.log(SECTION, "repetition %d: %.1f texts/s, %.2f CPU ms/text, CPU %.0f %% busy (machine "
                        + "%.0f %%)", rep, r.rate(), r.cpuMsPerText(), r.busy(), r.machine());
                return r;
            }, Rep::disturbed);
            List<Rep> counted = Repetitions.counted(reps, Rep::disturbed);
            double median = Stats.median(counted.stream().map(Rep::rate).toList());
            double cpuPerText = Stats.median(counted.stream().map(Rep::cpuMsPerText).toList());

            List<String> queries = new SentenceGenerator(2).questions(options.size(300, 50));
            double[] queryMs = queryMillis(embedder, queries);
            Progress.log(SECTION, "median %.1f texts/s; one query: p50 %.2f ms", median,
                    Stats.percentile(queryMs, 50));

            MarkdownTable table = new MarkdownTable("measure", "value")
                    .row("model", embedder.modelId() + " (" + embedder.dimension() + "-d), "
                            + embedding.getThreads() + " inference threads")
                    .row("texts", f(n, 0) + " generated sentences, " + f(meanWords(texts), 1) + " words on average")
                    .row("batch size (as the ingest pipeline)", batch)
                    .row("repetitions: texts/s (CPU busy %, this JVM / whole machine)", reps.stream()
                            .map(r -> f(r.rate(), 1) + " (" + f(r.busy(), 0) + " / " + f(r.machine(), 0) + ")"
                                    + (r.disturbed() ? " disturbed, not counted" : "")).toList().toString())
                    .row("**throughput, median (texts/s)**", "**" + f(median, 1) + "**")
                    .row("CPU per text, median (ms, all threads)", f(cpuPerText, 2))
                    .row("one query text (the search path): p50 / p95 ms",
                            f(Stats.percentile(queryMs, 50), 2) + " / " + f(Stats.percentile(queryMs, 95), 2));
            if (options.levers() && embedding.getProvider() == EmbeddingProperties.EmbeddingProvider.ONNX) {
                OnnxModel other = embedder.modelId().equals(OnnxModel.BGE_SMALL_EN_V15_Q.id())
                        ? OnnxModel.ALL_MINILM_L6_V2_Q : OnnxModel.BGE_SMALL_EN_V15_Q;
                try (OnnxEmbedder second = new OnnxEmbedder(other, embedding.getThreads())) {
                    embedAll(second, texts.subList(0, Math.min(n, 256)), batch);
                    long t0 = System.nanoTime();
                    embedAll(second, texts, batch);
                    double rate = n / ((System.nanoTime() - t0) / 1e9);
                    double[] otherQueryMs = queryMillis(second, queries);
                    Progress.log(SECTION, "%s: %.1f texts/s; one query: p50 %.2f ms", other.id(), rate,
                            Stats.percentile(otherQueryMs, 50));
                    table.row("the other model, " + other.id() + ", one repetition: texts/s; one query p50 / p95 ms",
                            f(rate, 1) + "; " + f(Stats.percentile(otherQueryMs, 50), 2) + " / "
                                    + f(Stats.percentile(otherQueryMs, 95), 2));
                }
            }
            return new Result(median, cpuPerText, table.toString());
        }
    }

    /** Milliseconds to embed each query as search does ({@code embedQuery}), after a warm-up of 20. */
    private static double[] queryMillis(Embedder embedder, List<String> queries) {
        queries.subList(0, 20).forEach(embedder::embedQuery);
        return queries.stream().mapToDouble(q -> {
            long t0 = System.nanoTime();
            embedder.embedQuery(q);
            return (System.nanoTime() - t0) / 1e6;
        }).toArray();
    }

    private static void embedAll(Embedder embedder, List<String> texts, int batch) {
        for (int from = 0; from < texts.size(); from += batch) {
            embedder.embed(texts.subList(from, Math.min(texts.size(), from + batch)));
        }
    }

    static double meanWords(List<String> texts) {
        return texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0);
    }
}
