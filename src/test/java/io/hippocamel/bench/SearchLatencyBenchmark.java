package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.search.SearchProperties;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.store.MemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Section 3: {@code POST /v4/search} latency (client-side wall time over loopback, query embedding included) with a
 * pool of 10k and then 100k one-chunk documents in one container tag, built through the API with real embeddings.
 * Default hybrid search, queries that are not in the pool, a warm-up first; one client, then 8 concurrent clients.
 */
final class SearchLatencyBenchmark {

    private static final String SECTION = "latency";
    private static final String TAG = "latency-pool";
    private static final int CONCURRENT_CLIENTS = 8;

    /** Latencies of one measured phase. */
    record Phase(long chunks, int clients, int queries, double p50, double p95, double p99, double mean, double qps,
                 double serverP50, double meanResults, double cpuBusy, double machineBusy) {
        boolean disturbed() {
            return CpuTime.disturbed(cpuBusy, machineBusy);
        }
    }

    /** The figures; {@code phases} in order (per pool size: single client, then concurrent). */
    record Result(List<Phase> phases, String markdown) {
    }

    private SearchLatencyBenchmark() {
    }

    static Result run(BenchOptions options) {
        int[] sizes = options.quick() ? new int[] {1_000, 3_000} : new int[] {10_000, 100_000};
        String chosen = System.getProperty("bench.latency-sizes", "default");
        if (!"default".equals(chosen)) { // e.g. 10000: a shorter run (the Elasticsearch comparison)
            sizes = java.util.Arrays.stream(chosen.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        }
        int warmup = options.size(1_000, 50);
        int measured = options.size(1_000, 200);
        int perClient = options.size(200, 25);
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION))) {
            ApiClient client = server.client();
            MemoryStore store = server.bean(MemoryStore.class);
            SearchProperties search = server.bean(SearchProperties.class);
            SentenceGenerator generator = new SentenceGenerator(21);
            List<String> pool = generator.sentences(sizes[sizes.length - 1], new HashSet<>());
            List<String> questions = new SentenceGenerator(22).questions(warmup + measured);
            List<String> warmups = questions.subList(0, warmup);
            List<String> queries = questions.subList(warmup, questions.size());

            PoolLoader loader = new PoolLoader(client, SECTION, 2_000);
            List<Phase> phases = new ArrayList<>();
            List<Double> settled = new ArrayList<>();
            int discarded = 0;
            int loaded = 0;
            for (int size : sizes) {
                loader.load(TAG, pool.subList(loaded, size).stream().map(ApiClient.NewDoc::of).toList());
                loaded = size;
                long chunks = store.chunkCount();
                settled.add(CpuTime.awaitIdle(SECTION, 5, Duration.ofMinutes(5)));
                Progress.log(SECTION, "pool of %,d chunks: warm-up, %d queries", chunks, warmup);
                warmups.forEach(q -> timed(client, q));
                List<Phase> singles = Repetitions.run(SECTION, 1, 2, a -> single(client, chunks, queries),
                        Phase::disturbed);
                discarded += singles.size() - 1;
                Phase single = singles.get(singles.size() - 1);
                phases.add(single);
                Progress.log(SECTION, "%,d chunks, 1 client: p50 %.1f / p95 %.1f / p99 %.1f ms (CPU %.0f %%, machine "
                        + "%.0f %%)", chunks, single.p50(), single.p95(), single.p99(), single.cpuBusy(),
                        single.machineBusy());
                List<Phase> concurrents = Repetitions.run(SECTION, 1, 2,
                        a -> concurrent(client, chunks, queries, perClient), Phase::disturbed);
                discarded += concurrents.size() - 1;
                Phase concurrent = concurrents.get(concurrents.size() - 1);
                phases.add(concurrent);
                Progress.log(SECTION, "%,d chunks, %d clients: p50 %.1f / p95 %.1f / p99 %.1f ms, %.1f QPS (CPU "
                        + "%.0f %%, machine %.0f %%)", chunks, CONCURRENT_CLIENTS, concurrent.p50(), concurrent.p95(),
                        concurrent.p99(), concurrent.qps(), concurrent.cpuBusy(), concurrent.machineBusy());
            }
            return new Result(phases, markdown(phases, search, warmup, settled, discarded));
        }
    }

    /** One search: client wall ms, server-reported ms, result count. */
    private record Timed(double ms, double serverMs, int results) {
    }

    private static Timed timed(ApiClient client, String q) {
        long t0 = System.nanoTime();
        JsonNode answer = client.searchV4(Map.of("q", q, "containerTag", TAG, "searchMode", "hybrid", "limit", 10));
        double ms = (System.nanoTime() - t0) / 1e6;
        return new Timed(ms, answer.path("timing").asDouble(), answer.get("results").size());
    }

    private static Phase single(ApiClient client, long chunks, List<String> queries) {
        CpuTime cpu = CpuTime.start();
        long t0 = System.nanoTime();
        List<Timed> all = queries.stream().map(q -> timed(client, q)).toList();
        return phase(chunks, 1, all, (System.nanoTime() - t0) / 1e9, cpu);
    }

    /** Clients each run {@code perClient} queries back to back, starting at different points of the query list. */
    private static Phase concurrent(ApiClient client, long chunks, List<String> queries, int perClient) {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CLIENTS);
        try {
            CpuTime cpu = CpuTime.start();
            long t0 = System.nanoTime();
            List<Future<List<Timed>>> futures = new ArrayList<>();
            for (int c = 0; c < CONCURRENT_CLIENTS; c++) {
                int offset = c * queries.size() / CONCURRENT_CLIENTS;
                futures.add(pool.submit(() -> {
                    List<Timed> mine = new ArrayList<>(perClient);
                    for (int i = 0; i < perClient; i++) {
                        mine.add(timed(client, queries.get((offset + i) % queries.size())));
                    }
                    return mine;
                }));
            }
            List<Timed> all = new ArrayList<>();
            for (Future<List<Timed>> f : futures) {
                all.addAll(f.get());
            }
            return phase(chunks, CONCURRENT_CLIENTS, all, (System.nanoTime() - t0) / 1e9, cpu);
        } catch (Exception e) {
            throw new IllegalStateException("concurrent search failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Phase phase(long chunks, int clients, List<Timed> all, double seconds, CpuTime cpu) {
        double[] ms = all.stream().mapToDouble(Timed::ms).toArray();
        double[] server = all.stream().mapToDouble(Timed::serverMs).toArray();
        return new Phase(chunks, clients, all.size(), Stats.percentile(ms, 50), Stats.percentile(ms, 95),
                Stats.percentile(ms, 99), Stats.mean(ms), all.size() / seconds, Stats.percentile(server, 50),
                all.stream().mapToInt(Timed::results).average().orElse(0), cpu.busyPercent(),
                cpu.machineBusyPercent());
    }

    private static String markdown(List<Phase> phases, SearchProperties search, int warmup,
                                   List<Double> settled, int discarded) {
        MarkdownTable table = new MarkdownTable("chunks in pool", "clients", "queries", "p50 ms", "p95 ms",
                "p99 ms", "mean ms", "QPS", "server-side p50 ms", "results/query", "CPU busy %: JVM", "machine");
        for (Phase p : phases) {
            table.row(f(p.chunks(), 0), p.clients(), f(p.queries(), 0), f(p.p50(), 1), f(p.p95(), 1),
                    f(p.p99(), 1), f(p.mean(), 1), f(p.qps(), 1), f(p.serverP50(), 0), f(p.meanResults(), 1),
                    f(p.cpuBusy(), 0), f(p.machineBusy(), 0));
        }
        Phase largestSingle = phases.get(phases.size() - 2);
        boolean met = largestSingle.p50() <= 15 && largestSingle.p95() <= 40;
        return "`POST /v4/search` `{\"q\", \"containerTag\", \"searchMode\": \"hybrid\", \"limit\": 10}`, fusion "
                + search.getFusion().name().toLowerCase(Locale.ROOT) + ", " + search.getCandidates()
                + " candidates per retriever; client wall time over loopback, query embedding included. The pool is "
                + "built through `POST /v3/documents/batch`; before measuring, the benchmark waits for the server to "
                + "go idle (background merges: " + settled.stream().map(w -> f(w, 0) + " s").toList() + ") and runs "
                + warmup + " warm-up queries. Queries are generated questions, none of them in the pool; the 8 "
                + "clients share the same query list from different offsets. A phase during which other processes "
                + "took more than " + f(CpuTime.DISTURBED_POINTS, 0) + " % of the cores is run again (at most twice; "
                + discarded + " discarded in this run):\n\n" + table
                + "\nTarget at " + f(largestSingle.chunks(), 0) + " chunks, one client: p50 ≤ 15 ms, p95 ≤ 40 ms: "
                + (met ? "met." : "**not met**.") + "\n";
    }
}
