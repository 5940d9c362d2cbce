package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import java.util.List;

/**
 * Section 7: the Elasticsearch store next to the embedded Lucene store, on the same data in this run: short-text and
 * file ingest and {@code /v4/search} latency at 2,000 chunks, each store on a fresh server (Elasticsearch: the
 * embedded 8.19 node in this JVM, or the cluster at {@code ES_URL}). Smoke sizes, because ingest on Elasticsearch
 * runs at a tenth of the embedded store's speed and a 10k pool would take most of the run.
 */
final class ElasticsearchComparison {

    private static final String POOL = "2000";

    private ElasticsearchComparison() {
    }

    static String run(BenchOptions options, double embedderRate, double embedderCpu, List<String[]> headline)
            throws Exception {
        Figures lucene = measure("lucene", options, embedderRate, embedderCpu);
        Figures es = measure("elasticsearch", options, embedderRate, embedderCpu);
        MarkdownTable table = new MarkdownTable("measure", "Lucene (embedded)", "Elasticsearch 8.19");
        table.row("short texts to `done` (docs/s)", f(lucene.ingest().docsPerSecond(), 1),
                f(es.ingest().docsPerSecond(), 1));
        table.row("small PDF/DOCX/HTML files to `done` (files/s)", f(lucene.ingest().filesPerSecond(), 1),
                f(es.ingest().filesPerSecond(), 1));
        for (int i = 0; i < lucene.latency().phases().size(); i++) {
            SearchLatencyBenchmark.Phase l = lucene.latency().phases().get(i);
            SearchLatencyBenchmark.Phase e = es.latency().phases().get(i);
            table.row("`/v4/search` at " + f(l.chunks(), 0) + " chunks, " + l.clients() + " client(s): p50 / p95 ms"
                    + (l.clients() > 1 ? ", QPS" : ""), latency(l), latency(e));
        }
        SearchLatencyBenchmark.Phase esOne = es.latency().phases().get(0);
        headline.add(new String[] {"Elasticsearch store (2,000-chunk pool): ingest / `/v4/search` 1 client",
            f(es.ingest().docsPerSecond(), 1) + " docs/s; p50 " + f(esOne.p50(), 1) + " ms, p95 "
                    + f(esOne.p95(), 1) + " ms", "Lucene in the same section: "
                    + f(lucene.ingest().docsPerSecond(), 1) + " docs/s; p50 "
                    + f(lucene.latency().phases().get(0).p50(), 1) + " ms"});
        return "## 7. Elasticsearch next to Lucene\n\n"
                + "The same smoke-sized workloads on each store, one after the other, each on a fresh server: ingest "
                + "as in section 2 (300 short texts after a warm-up of 200; 9 files) and `/v4/search` as in section 5 "
                + "on a pool of 2,000 chunks. Elasticsearch is the embedded 8.19 node in this JVM (it shares the "
                + "2 cores with the server and the client). Every pipeline step on Elasticsearch is a compare-and-set "
                + "round trip plus a claim and a release per document, and a search is two HTTP requests: it buys "
                + "several servers on one pool, not single-server speed.\n\n" + table
                + "\n<details><summary>Elasticsearch runs in detail</summary>\n\n" + es.ingest().markdown() + "\n"
                + es.latency().markdown() + "\n</details>\n";
    }

    private record Figures(IngestBenchmark.Result ingest, SearchLatencyBenchmark.Result latency) {
    }

    private static Figures measure(String store, BenchOptions options, double embedderRate, double embedderCpu)
            throws Exception {
        String previousStore = System.getProperty("bench.store");
        String previousSizes = System.getProperty("bench.latency-sizes");
        System.setProperty("bench.store", store); // read by BenchServer when it starts a server
        System.setProperty("bench.latency-sizes", POOL);
        try {
            BenchOptions small = options.smallIn("compare-" + store);
            Progress.log("elasticsearch", "%s: ingest and search latency at %s chunks", store, POOL);
            return new Figures(IngestBenchmark.run(small, embedderRate, embedderCpu),
                    SearchLatencyBenchmark.run(small));
        } finally {
            restore("bench.store", previousStore);
            restore("bench.latency-sizes", previousSizes);
        }
    }

    private static String latency(SearchLatencyBenchmark.Phase p) {
        return f(p.p50(), 1) + " / " + f(p.p95(), 1) + (p.clients() > 1 ? ", " + f(p.qps(), 0) : "");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
