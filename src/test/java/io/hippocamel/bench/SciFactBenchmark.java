package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.search.SearchProperties;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.core.DocumentSort;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.Scope;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.embed.Embedder;
import io.hippocamel.embed.OnnxModel;
import io.hippocamel.search.SearchMode;
import io.hippocamel.search.SearchService;
import io.hippocamel.store.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Section 4: retrieval quality on BEIR SciFact, train split (PROVENANCE.md in the data folder). The corpus goes in
 * through the API as a user would add it (content = title, blank line, abstract; customId = corpus id; one container
 * tag); every train query then runs through the server's {@code SearchService} in each retrieval mode, documents
 * ranked by their best chunk. nDCG@10 and recall@100, binary relevance. With levers on, a second server with the
 * other embedding model ingests the corpus again for its vectors-only and shipped-hybrid figures.
 */
final class SciFactBenchmark {

    private static final String SECTION = "scifact";
    private static final String TAG = "beir-scifact";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Scores of one retrieval mode. */
    record Score(RetrievalMode mode, double ndcg10, double recall100, double msPerQuery) {
    }

    /** The figures: every mode's scores, the hybrid fusion that won and the shipped one (full depth). */
    record Result(List<Score> scores, Score winner, Score shipped, String markdown) {
    }

    private record Query(String id, String text, Set<String> relevant) {
    }

    private SciFactBenchmark() {
    }

    static Result run(BenchOptions options) {
        Path dir = options.dataDir().resolve("beir-scifact");
        List<ApiClient.NewDoc> corpus = corpus(dir.resolve("corpus.jsonl"));
        List<Query> queries = trainQueries(dir);
        if (options.quick()) {
            corpus = corpus.subList(0, 600);
            Set<String> kept = new LinkedHashSet<>(corpus.stream().map(ApiClient.NewDoc::customId).toList());
            queries = queries.stream().filter(q -> q.relevant().stream().anyMatch(kept::contains)).limit(60)
                    .toList();
        }
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION))) {
            Progress.log(SECTION, "ingesting %,d abstracts, %d train queries", corpus.size(), queries.size());
            long t0 = System.nanoTime();
            List<String> ids = new PoolLoader(server.client(), SECTION, 1_000).load(TAG, corpus);
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;

            MemoryStore store = server.bean(MemoryStore.class);
            Scope scope = Scope.of(server.tenant(), TAG);
            List<StoredDocument> stored = store.listDocuments(scope, null, DocumentSort.NEWEST_FIRST, 0,
                    corpus.size()).items();
            long done = stored.stream().filter(d -> d.status() == DocumentStatus.DONE).count();
            int maxChunks = stored.stream().mapToInt(StoredDocument::chunkCount).max().orElse(1);
            int chunks = stored.stream().mapToInt(StoredDocument::chunkCount).sum();
            if (done != corpus.size()) {
                throw new IllegalStateException(done + " of " + corpus.size() + " documents are done");
            }
            Progress.log(SECTION, "%,d documents done, %,d chunks (at most %d per document) in %.0f s", done, chunks,
                    maxChunks, ingestSeconds);
            Map<String, String> corpusIds = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                corpusIds.put(ids.get(i), corpus.get(i).customId());
            }

            CpuTime.awaitIdle(SECTION, 5, Duration.ofMinutes(2));
            SearchProperties served = server.bean(SearchProperties.class);
            DocumentRanker ranker = new DocumentRanker(store, server.bean(Embedder.class), served);
            int chunkLimit = 100 * maxChunks;
            List<RetrievalMode> modes = RetrievalMode.compared();
            List<Score> scores = new ArrayList<>();
            for (RetrievalMode mode : modes) {
                scores.add(evaluate(ranker.service(mode, chunkLimit), mode, scope, queries, chunkLimit, corpusIds));
            }
            // what /v3/search with limit 10 does: 4 chunks per wanted document, the server's candidate depth
            RetrievalMode asServed = new RetrievalMode("hybrid as served (" + RetrievalMode.served(served).label()
                    .replace("hybrid ", "") + ", " + served.getCandidates() + " candidates, 40 chunks)",
                    SearchMode.HYBRID, served.getFusion(), served.getVectorWeight(),
                    served.getRrfK());
            Score servedScore = evaluate(ranker.service(asServed, served.getCandidates()), asServed, scope, queries,
                    40, corpusIds);
            scores.add(new Score(asServed, servedScore.ndcg10(), Double.NaN, servedScore.msPerQuery()));

            Score rrf = scores.stream().filter(sc -> sc.mode().fusion() == SearchProperties.Fusion.RRF)
                    .findFirst().orElseThrow();
            Score bestBlend = scores.stream().filter(sc -> sc.mode().fusion() == SearchProperties.Fusion.BLEND
                    && !Double.isNaN(sc.recall100())).max((a, b) -> Double.compare(a.ndcg10(), b.ndcg10()))
                    .orElseThrow();
            Score winner = rrf.ndcg10() >= bestBlend.ndcg10() ? rrf : bestBlend;
            Progress.log(SECTION, "winner: %s (nDCG@10 %.4f; RRF %.4f, best blend %.4f)", winner.mode().label(),
                    winner.ndcg10(), rrf.ndcg10(), bestBlend.ndcg10());
            String model = server.bean(Embedder.class).modelId();
            server.close();
            String markdown = markdown(scores, winner, rrf, bestBlend, corpus.size(), chunks, maxChunks,
                    queries.size(), ingestSeconds, chunkLimit, model);
            if (options.levers()) {
                markdown += otherModel(options, corpus, queries, model, RetrievalMode.served(served), chunkLimit,
                        scores);
            }
            Score shippedScore = scores.stream().filter(sc -> sc.mode().equals(RetrievalMode.served(served)))
                    .findFirst().orElse(winner);
            return new Result(scores, winner, shippedScore, markdown);
        }
    }

    /** The model lever: the same corpus and queries with the other in-process model (vectors and shipped blend). */
    private static String otherModel(BenchOptions options, List<ApiClient.NewDoc> corpus, List<Query> queries,
                                     String shippedModel, RetrievalMode servedMode, int chunkLimit,
                                     List<Score> shipped) {
        String other = shippedModel.equals(OnnxModel.BGE_SMALL_EN_V15_Q.id()) ? OnnxModel.ALL_MINILM_L6_V2_Q.id()
                : OnnxModel.BGE_SMALL_EN_V15_Q.id();
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION),
                "hippocamel.embedding.model=" + other)) {
            long t0 = System.nanoTime();
            List<String> ids = new PoolLoader(server.client(), SECTION, 1_000).load(TAG, corpus);
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, String> corpusIds = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                corpusIds.put(ids.get(i), corpus.get(i).customId());
            }
            Scope scope = Scope.of(server.tenant(), TAG);
            DocumentRanker ranker = new DocumentRanker(server.bean(MemoryStore.class), server.bean(Embedder.class),
                    server.bean(SearchProperties.class));
            MarkdownTable table = new MarkdownTable("model", "vectors nDCG@10", "hybrid nDCG@10", "hybrid recall@100",
                    "ingest (s)");
            Score vectors = shipped.stream().filter(sc -> sc.mode().equals(RetrievalMode.VECTORS)).findFirst()
                    .orElseThrow();
            Score hybrid = shipped.stream().filter(sc -> sc.mode().equals(servedMode)).findFirst().orElse(vectors);
            table.row(shippedModel + " (shipped)", f(vectors.ndcg10(), 4), f(hybrid.ndcg10(), 4),
                    f(hybrid.recall100(), 4), "see above");
            Score otherVectors = evaluate(ranker.service(RetrievalMode.VECTORS, chunkLimit), RetrievalMode.VECTORS,
                    scope, queries, chunkLimit, corpusIds);
            Score otherHybrid = evaluate(ranker.service(servedMode, chunkLimit), servedMode, scope, queries,
                    chunkLimit, corpusIds);
            table.row(other, f(otherVectors.ndcg10(), 4), f(otherHybrid.ndcg10(), 4), f(otherHybrid.recall100(), 4),
                    f(ingestSeconds, 0));
            return "\nEmbedding model lever (a second server, same corpus and queries; hybrid = the shipped fusion, "
                    + servedMode.label() + "):\n\n" + table;
        }
    }

    private static Score evaluate(SearchService service, RetrievalMode mode, Scope scope, List<Query> queries,
                                  int chunkLimit, Map<String, String> corpusIds) {
        double ndcg = 0;
        double recall = 0;
        long t0 = System.nanoTime();
        for (Query q : queries) {
            List<String> ranking = DocumentRanker.rank(service, mode, scope, q.text(), chunkLimit, corpusIds);
            ndcg += RetrievalMetrics.ndcg(ranking, q.relevant(), 10);
            recall += RetrievalMetrics.recall(ranking, q.relevant(), 100);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / queries.size();
        Score score = new Score(mode, ndcg / queries.size(), recall / queries.size(), ms);
        Progress.log(SECTION, "%-45s nDCG@10 %.4f  recall@100 %.4f  (%.1f ms/query)", mode.label(), score.ndcg10(),
                score.recall100(), ms);
        return score;
    }

    private static List<ApiClient.NewDoc> corpus(Path file) {
        List<ApiClient.NewDoc> docs = new ArrayList<>();
        for (JsonNode d : jsonLines(file)) {
            String title = d.path("title").asText("").strip();
            String text = d.path("text").asText("").strip();
            docs.add(new ApiClient.NewDoc(title.isEmpty() ? text : title + "\n\n" + text, d.get("_id").asText(),
                    null));
        }
        return docs;
    }

    /** The queries that have judgements in qrels/train.tsv, in file order, with their relevant corpus ids. */
    private static List<Query> trainQueries(Path dir) {
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(dir.resolve("qrels/train.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.split("\t");
                if (cols.length == 3 && Integer.parseInt(cols[2].trim()) > 0) {
                    relevant.computeIfAbsent(cols[0], k -> new LinkedHashSet<>()).add(cols[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        jsonLines(dir.resolve("queries.jsonl")).forEach(q -> texts.put(q.get("_id").asText(), q.get("text").asText()));
        List<Query> queries = new ArrayList<>();
        relevant.forEach((id, rel) -> queries.add(new Query(id, texts.get(id), rel)));
        return queries;
    }

    static List<JsonNode> jsonLines(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String markdown(List<Score> scores, Score winner, Score rrf, Score bestBlend, int docs,
                                   int chunks, int maxChunks, int queries, double ingestSeconds, int chunkLimit,
                                   String model) {
        MarkdownTable table = new MarkdownTable("retrieval", "nDCG@10", "recall@100", "ms/query");
        for (Score s : scores) {
            boolean win = s == winner;
            String label = win ? "**" + s.mode().label() + "**" : s.mode().label();
            table.row(label, win ? "**" + f(s.ndcg10(), 4) + "**" : f(s.ndcg10(), 4), f(s.recall100(), 4),
                    f(s.msPerQuery(), 1));
        }
        return f(docs, 0) + " abstracts (" + f(chunks, 0) + " chunks, at most " + maxChunks + " per document) "
                + "added through `POST /v3/documents/batch` in " + f(ingestSeconds, 0) + " s ("
                + f(docs / ingestSeconds, 1) + " docs/s, " + f(chunks / ingestSeconds, 1) + " chunks/s); " + queries
                + " train queries, each through the server's `SearchService` (model " + model + ", " + chunkLimit
                + " chunks at threshold 0, deduplicated to documents by best chunk):\n\n" + table
                + "\nPublished on the test split (not comparable split for split, for orientation): BM25 0.665, "
                + "all-MiniLM-L6-v2 0.645.\n\n**Fusion: " + (winner == rrf ? "RRF" : "blend") + " wins** — RRF "
                + f(rrf.ndcg10(), 4) + " vs best blend (" + bestBlend.mode().label() + ") " + f(bestBlend.ndcg10(), 4)
                + " nDCG@10.\n";
    }
}
