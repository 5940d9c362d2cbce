package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.search.SearchProperties;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.core.Scope;
import io.hippocamel.embed.Embedder;
import io.hippocamel.embed.OnnxModel;
import io.hippocamel.search.SearchService;
import io.hippocamel.store.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Section 5: LoCoMo turn recall (development split, PROVENANCE.md in the data folder). Each conversation is one
 * container tag, each turn one document {@code "speaker: text"} (plus the image caption) with dia_id, session and date
 * as metadata; every question with evidence runs through the server's {@code SearchService} in each retrieval mode.
 * TurnRecall@k = share of the question's evidence turns among the top k turns, averaged over questions. With levers
 * on, three more servers measure the shipped configuration with one lever changed: no chunk context, the metadata
 * header without the previous message, the other embedding model.
 */
final class LocomoBenchmark {

    private static final String SECTION = "locomo";

    /** Recall of one retrieval mode, all categories and categories 1–4. */
    record Score(RetrievalMode mode, double r5All, double r10All, double r5Core, double r10Core) {
    }

    record Result(List<Score> scores, Score shipped, String markdown) {
    }

    private record Question(String tag, String text, int category, Set<String> evidence) {
    }

    private record Conversation(String tag, List<String> diaIds, List<ApiClient.NewDoc> turns) {
    }

    private LocomoBenchmark() {
    }

    static Result run(BenchOptions options) {
        JsonNode samples;
        try {
            samples = new ObjectMapper().readTree(options.dataDir().resolve("locomo/locomo-dev.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Conversation> conversations = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        int limit = options.size(samples.size(), 1);
        for (int i = 0; i < limit; i++) {
            Conversation c = conversation(samples.get(i));
            conversations.add(c);
            questions.addAll(questions(samples.get(i), c));
        }
        // the shipped configuration with every retrieval mode, then each lever taken away (or swapped) alone
        Measured shipped = measure(options, conversations, questions, RetrievalMode.compared());
        List<Lever> levers = new ArrayList<>();
        if (options.levers()) {
            String otherModel = shipped.model().equals(OnnxModel.BGE_SMALL_EN_V15_Q.id())
                    ? OnnxModel.ALL_MINILM_L6_V2_Q.id() : OnnxModel.BGE_SMALL_EN_V15_Q.id();
            List<RetrievalMode> short3 = List.of(RetrievalMode.BM25, RetrievalMode.VECTORS, shipped.servedMode());
            // an empty list does not override the defaults in Spring Boot's binding; a key no turn has switches off
            levers.add(new Lever("no chunk context (turn text alone)", measure(options, conversations, questions,
                    short3, "hippocamel.ingest.chunking.context-keys=none",
                    "hippocamel.ingest.chunking.thread-keys=none")));
            levers.add(new Lever("metadata header only (no previous message)", measure(options, conversations,
                    questions, short3, "hippocamel.ingest.chunking.thread-keys=none")));
            levers.add(new Lever("embedding model " + otherModel, measure(options, conversations, questions,
                    short3, "hippocamel.embedding.model=" + otherModel)));
        }
        return new Result(shipped.scores(), servedScore(shipped), markdown(shipped, levers, conversations.size(),
                questions));
    }

    /** The scores of one server configuration: what the section measured and how the server was set up. */
    private record Measured(List<Score> scores, String model, RetrievalMode servedMode, int turns) {
    }

    /** A configuration differing from the shipped one in one lever. */
    private record Lever(String label, Measured measured) {
    }

    private static Measured measure(BenchOptions options, List<Conversation> conversations, List<Question> questions,
                                    List<RetrievalMode> modes, String... serverArgs) {
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION), serverArgs)) {
            Map<String, String> diaIds = new HashMap<>();
            PoolLoader loader = new PoolLoader(server.client(), SECTION, 1_000);
            int turns = 0;
            for (Conversation c : conversations) {
                List<String> ids = loader.load(c.tag(), c.turns());
                for (int i = 0; i < ids.size(); i++) {
                    diaIds.put(ids.get(i), c.diaIds().get(i));
                }
                turns += ids.size();
            }
            String model = server.bean(Embedder.class).modelId();
            Progress.log(SECTION, "%d conversations, %,d turns, %,d questions with evidence; model %s %s",
                    conversations.size(), turns, questions.size(), model, List.of(serverArgs));

            SearchProperties served = server.bean(SearchProperties.class);
            DocumentRanker ranker = new DocumentRanker(server.bean(MemoryStore.class), server.bean(Embedder.class),
                    served);
            List<RetrievalMode> all = new ArrayList<>(modes);
            if (!all.contains(RetrievalMode.served(served))) {
                all.add(RetrievalMode.served(served));
            }
            List<Score> scores = new ArrayList<>();
            for (RetrievalMode mode : all) {
                scores.add(evaluate(ranker, mode, server.tenant(), questions, diaIds));
            }
            return new Measured(scores, model, RetrievalMode.served(served), turns);
        }
    }

    private static Score evaluate(DocumentRanker ranker, RetrievalMode mode, String tenant, List<Question> questions,
                                  Map<String, String> diaIds) {
        // turns are one chunk each; ask for more candidates than k so fusion sees both retrievers' lists
        SearchService service = ranker.service(mode, 50);
        double r5All = 0;
        double r10All = 0;
        double r5Core = 0;
        double r10Core = 0;
        int core = 0;
        for (Question q : questions) {
            List<String> ranking = DocumentRanker.rank(service, mode, Scope.of(tenant, q.tag()), q.text(), 10,
                    diaIds);
            double r5 = RetrievalMetrics.recall(ranking, q.evidence(), 5);
            double r10 = RetrievalMetrics.recall(ranking, q.evidence(), 10);
            r5All += r5;
            r10All += r10;
            if (q.category() >= 1 && q.category() <= 4) {
                r5Core += r5;
                r10Core += r10;
                core++;
            }
        }
        int n = questions.size();
        Score s = new Score(mode, 100 * r5All / n, 100 * r10All / n, 100 * r5Core / core, 100 * r10Core / core);
        Progress.log(SECTION, "%-45s R@5 %.1f  R@10 %.1f  (categories 1-4: %.1f / %.1f)", mode.label(), s.r5All(),
                s.r10All(), s.r5Core(), s.r10Core());
        return s;
    }

    private static Conversation conversation(JsonNode sample) {
        String tag = "locomo-" + sample.get("sample_id").asText();
        JsonNode conv = sample.get("conversation");
        List<String> diaIds = new ArrayList<>();
        List<ApiClient.NewDoc> turns = new ArrayList<>();
        for (int session = 1; conv.has("session_" + session); session++) {
            String date = conv.path("session_" + session + "_date_time").asText("");
            for (JsonNode turn : conv.get("session_" + session)) {
                String diaId = turn.get("dia_id").asText();
                String content = turn.get("speaker").asText() + ": " + turn.get("text").asText();
                if (turn.hasNonNull("blip_caption")) {
                    content += " [shares a photo of " + turn.get("blip_caption").asText() + "]";
                }
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("dia_id", diaId);
                metadata.put("session", session);
                metadata.put("date", date);
                diaIds.add(diaId);
                turns.add(new ApiClient.NewDoc(content, tag + ":" + diaId, metadata));
            }
        }
        return new Conversation(tag, diaIds, turns);
    }

    /** Questions with evidence left after normalising ("D:3" → "D3", "a; b" → a, b) and dropping unknown ids. */
    private static List<Question> questions(JsonNode sample, Conversation c) {
        Set<String> known = new LinkedHashSet<>(c.diaIds());
        List<Question> out = new ArrayList<>();
        for (JsonNode qa : sample.get("qa")) {
            Set<String> evidence = new LinkedHashSet<>();
            for (Iterator<JsonNode> it = qa.path("evidence").elements(); it.hasNext(); ) {
                for (String id : it.next().asText().split("[;,\\s]+")) {
                    String normalised = id.replace("D:", "D");
                    if (known.contains(normalised)) {
                        evidence.add(normalised);
                    }
                }
            }
            if (!evidence.isEmpty()) {
                out.add(new Question(c.tag(), qa.get("question").asText(), qa.path("category").asInt(), evidence));
            }
        }
        return out;
    }

    private static String markdown(Measured shipped, List<Lever> levers, int conversations,
                                   List<Question> questions) {
        MarkdownTable table = new MarkdownTable("retrieval", "R@5 all", "R@10 all", "R@5 cat. 1–4",
                "R@10 cat. 1–4");
        List<Score> scores = shipped.scores();
        Score best = scores.stream().max((a, b) -> Double.compare(a.r10All(), b.r10All())).orElseThrow();
        for (Score s : scores) {
            String label = s.mode().equals(shipped.servedMode()) ? s.mode().label() + " (shipped)" : s.mode().label();
            label = s == best ? "**" + label + "**" : label;
            table.row(label, f(s.r5All(), 1), s == best ? "**" + f(s.r10All(), 1) + "**" : f(s.r10All(), 1),
                    f(s.r5Core(), 1), f(s.r10Core(), 1));
        }
        long core = questions.stream().filter(q -> q.category() >= 1 && q.category() <= 4).count();
        StringBuilder out = new StringBuilder();
        out.append(conversations).append(conversations == 1 ? " conversation, " : " conversations, ")
                .append(f(shipped.turns(), 0)).append(" turns (one document each, `session` and `date` in its ")
                .append("metadata), ").append(questions.size()).append(" questions with evidence (").append(core)
                .append(" in categories 1–4); top 10 turns per question. Shipped configuration (model ")
                .append(shipped.model()).append(", chunk context: metadata header and the previous message of the ")
                .append("thread, `session` being a thread key):\n\n").append(table)
                .append("\nLoCoMo paper, DRAGON over dialog turns, all categories: R@5 56.7, R@10 66.2 ")
                .append("(target R@10 ≥ 72).\n");
        if (!levers.isEmpty()) {
            MarkdownTable leverTable = new MarkdownTable("configuration", "BM25 R@10", "vectors R@10",
                    "hybrid R@5", "hybrid R@10");
            leverTable.row("shipped", f(scores.get(0).r10All(), 1), f(scores.get(1).r10All(), 1),
                    f(servedScore(shipped).r5All(), 1), f(servedScore(shipped).r10All(), 1));
            for (Lever l : levers) {
                List<Score> ls = l.measured().scores();
                leverTable.row(l.label(), f(ls.get(0).r10All(), 1), f(ls.get(1).r10All(), 1),
                        f(servedScore(l.measured()).r5All(), 1), f(servedScore(l.measured()).r10All(), 1));
            }
            out.append("\nLevers, each changed alone against the shipped configuration (fresh server and ingest each; ")
                    .append("hybrid = the shipped fusion, ").append(shipped.servedMode().label())
                    .append("; all categories):\n\n").append(leverTable);
        }
        return out.toString();
    }

    private static Score servedScore(Measured m) {
        return m.scores().stream().filter(s -> s.mode().equals(m.servedMode())).findFirst()
                .orElse(m.scores().get(m.scores().size() - 1));
    }
}
