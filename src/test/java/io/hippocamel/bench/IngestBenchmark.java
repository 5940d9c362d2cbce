package io.hippocamel.bench;

import static io.hippocamel.bench.MarkdownTable.f;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.testsupport.TestFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Section 2: documents added over HTTP until every one is {@code done}. Short texts through
 * {@code POST /v3/documents/batch} (batches of 100, one client, as fast as the server accepts them), timed from the
 * first request to the last document's final status; then a set of small PDF/DOCX/HTML files through
 * {@code POST /v3/documents/file}. Each run uses texts no earlier run used.
 */
final class IngestBenchmark {

    private static final String SECTION = "ingest";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int SAMPLE = 25;

    /** The measured figures; {@code docsPerSecond} is the median short-text run. */
    record Result(double docsPerSecond, double ratio, double filesPerSecond, String markdown) {
    }

    /** One timed run. */
    private record Run(int docs, int chunks, double acceptSeconds, double doneSeconds, double cpuMsPerDoc,
                       double cpuBusy, double machineBusy) {
        double rate() {
            return docs / doneSeconds;
        }

        boolean disturbed() {
            return CpuTime.disturbed(cpuBusy, machineBusy);
        }
    }

    private IngestBenchmark() {
    }

    static Result run(BenchOptions options, double embedderTextsPerSecond, double embedderCpuMsPerText) {
        try (BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION))) {
            ApiClient client = server.client();
            int n = options.size(2_000, 300);
            int runs = options.size(3, 1);
            SentenceGenerator generator = new SentenceGenerator(11);
            Set<String> used = new HashSet<>();

            // the JIT needs a few thousand documents before the pipeline runs at its steady pace (CPU per document
            // fell from 8 to 4-5 ms over the first 10,000 here): warm up with as many as the measured runs
            int warmupRuns = options.size(3, 1);
            for (int i = 1; i <= warmupRuns; i++) {
                Run warm = textRun(client, "ingest-warmup-" + i, take(generator, options.size(n, 200), used));
                Progress.log(SECTION, "warm-up %d: %,d docs, %.1f docs/s, %.2f CPU ms/doc", i, warm.docs(),
                        warm.rate(), warm.cpuMsPerDoc());
            }

            List<Run> textRuns = Repetitions.run(SECTION, runs, 3, i -> {
                CpuTime.awaitIdle(SECTION, 5, Duration.ofMinutes(2));
                Run run = textRun(client, "ingest-text-" + i, take(generator, n, used));
                Progress.log(SECTION, "text run %d: %,d docs accepted in %.2f s, done in %.2f s: %.1f docs/s, "
                        + "%.2f CPU ms/doc, CPU %.0f %% busy (machine %.0f %%)", i, run.docs(), run.acceptSeconds(),
                        run.doneSeconds(), run.rate(), run.cpuMsPerDoc(), run.cpuBusy(), run.machineBusy());
                return run;
            }, Run::disturbed);
            List<Run> counted = Repetitions.counted(textRuns, Run::disturbed);
            double median = Stats.median(counted.stream().map(Run::rate).toList());
            double ratio = median / embedderTextsPerSecond;

            int files = options.size(36, 9);
            List<Run> fileRuns = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                CpuTime.awaitIdle(SECTION, 5, Duration.ofMinutes(2));
                Run run = fileRun(client, "ingest-files-" + i, files, generator, used);
                fileRuns.add(run);
                Progress.log(SECTION, "file run %d: %d files (%d chunks) accepted in %.2f s, done in %.2f s: "
                        + "%.1f files/s", i, run.docs(), run.chunks(), run.acceptSeconds(), run.doneSeconds(),
                        run.rate());
            }
            double fileMedian = Stats.median(fileRuns.stream().map(Run::rate).toList());
            return new Result(median, ratio, fileMedian, markdown(textRuns, median, embedderTextsPerSecond, ratio,
                    embedderCpuMsPerText, fileRuns, fileMedian));
        }
    }

    private static List<String> take(SentenceGenerator generator, int n, Set<String> used) {
        List<String> texts = generator.sentences(n, used);
        used.addAll(texts);
        return texts;
    }

    /** Adds the texts in batches, waits until none is processing, checks a sample is done. */
    private static Run textRun(ApiClient client, String tag, List<String> texts) {
        CpuTime cpu = CpuTime.start();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += ApiClient.BATCH) {
            ids.addAll(client.addBatch(tag, texts.subList(from, Math.min(texts.size(), from + ApiClient.BATCH))
                    .stream().map(ApiClient.NewDoc::of).toList()));
        }
        double accepted = (System.nanoTime() - t0) / 1e9;
        return finish(client, tag, ids, start, accepted, cpu);
    }

    /** Uploads small PDF, DOCX and HTML files one after the other, waits until none is processing. */
    private static Run fileRun(ApiClient client, String tag, int files, SentenceGenerator generator,
                               Set<String> used) {
        List<byte[]> contents = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Random random = new Random(files + used.size());
        for (int i = 0; i < files; i++) {
            List<String> sentences = take(generator, 6 + random.nextInt(20), used);
            String title = "Notes " + tag + " " + i;
            switch (i % 3) {
                case 0 -> {
                    contents.add(TestFiles.pdf(title, lines(sentences)));
                    names.add("notes-" + i + ".pdf");
                    types.add("application/pdf");
                }
                case 1 -> {
                    contents.add(TestFiles.docx(title, sentences.toArray(String[]::new)));
                    names.add("notes-" + i + ".docx");
                    types.add("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                }
                default -> {
                    contents.add(TestFiles.html(title, String.join(" ", sentences)));
                    names.add("notes-" + i + ".html");
                    types.add("text/html");
                }
            }
        }
        CpuTime cpu = CpuTime.start();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            ids.add(client.upload(names.get(i), types.get(i), contents.get(i), tag));
        }
        double accepted = (System.nanoTime() - t0) / 1e9;
        return finish(client, tag, ids, start, accepted, cpu);
    }

    /** Waits for the pipeline to drain; the run ends when the last document of the tag reached its final status. */
    private static Run finish(ApiClient client, String tag, List<String> ids, Instant start, double accepted,
                              CpuTime cpu) {
        client.awaitProcessing(0, POLL, Duration.ofMinutes(10));
        double cpuMs = cpu.msPer(ids.size());
        double busy = cpu.busyPercent();
        double machine = cpu.machineBusyPercent();
        Instant last = client.lastUpdate(tag);
        double done = Duration.between(start, last).toNanos() / 1e9;
        int chunks = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean sampled = ids.size() <= SAMPLE * 2 || i % (ids.size() / SAMPLE) == 0;
            if (sampled) {
                JsonNode doc = client.document(ids.get(i));
                if (!doc.get("status").asText().equals("done")) {
                    throw new IllegalStateException("document " + ids.get(i) + " ended " + doc.get("status") + ": "
                            + doc.path("error").asText());
                }
                chunks += doc.get("chunkCount").asInt();
            }
        }
        return new Run(ids.size(), chunks, accepted, done, cpuMs, busy, machine);
    }

    /** PDF lines short enough to stay on the page: about ten words each. */
    private static String[] lines(List<String> sentences) {
        List<String> lines = new ArrayList<>();
        for (String s : sentences) {
            String[] words = s.split(" ");
            for (int from = 0; from < words.length; from += 10) {
                lines.add(String.join(" ", List.of(words).subList(from, Math.min(words.length, from + 10))));
            }
        }
        return lines.toArray(String[]::new);
    }

    private static String markdown(List<Run> textRuns, double median, double embedder, double ratio,
                                   double embedderCpu, List<Run> fileRuns, double fileMedian) {
        MarkdownTable texts = new MarkdownTable("run", "documents", "accepted in (s)", "all done in (s)",
                "docs/s to done", "CPU ms/doc", "CPU busy %: JVM", "machine");
        for (int i = 0; i < textRuns.size(); i++) {
            Run r = textRuns.get(i);
            texts.row(r.disturbed() ? (i + 1) + " (disturbed, not counted)" : String.valueOf(i + 1), f(r.docs(), 0),
                    f(r.acceptSeconds(), 2), f(r.doneSeconds(), 2), f(r.rate(), 1), f(r.cpuMsPerDoc(), 2),
                    f(r.cpuBusy(), 0), f(r.machineBusy(), 0));
        }
        List<Run> counted = Repetitions.counted(textRuns, Run::disturbed);
        double cpuMedian = Stats.median(counted.stream().map(Run::cpuMsPerDoc).toList());
        MarkdownTable summary = new MarkdownTable("measure", "value", "target")
                .row("short texts to done, median (docs/s)", "**" + f(median, 1) + "**", "")
                .row("raw embedder, same run (texts/s)", f(embedder, 1), "")
                .row("CPU per document: whole ingest / embedding alone (ms)", f(cpuMedian, 2) + " / "
                        + f(embedderCpu, 2), "")
                .row("CPU-bound ceiling: embedding CPU / ingest CPU per document", f(100 * embedderCpu / cpuMedian, 0)
                        + " %", "")
                .row("**ingest / raw embedder**", "**" + f(ratio * 100, 0) + " %**", "≥ 80 % " + (Double.isNaN(ratio)
                        ? "(embedder section not run)" : ratio >= 0.8 ? "(met)" : "(**not met**)"));
        MarkdownTable files = new MarkdownTable("run", "files (PDF/DOCX/HTML)", "chunks",
                "accepted in (s)", "all done in (s)", "files/s to done", "CPU ms/file");
        for (int i = 0; i < fileRuns.size(); i++) {
            Run r = fileRuns.get(i);
            files.row(i + 1, r.docs(), r.chunks(), f(r.acceptSeconds(), 2), f(r.doneSeconds(), 2),
                    f(r.rate(), 1), f(r.cpuMsPerDoc(), 1));
        }
        return "Short texts (15–25 words, one chunk each), `POST /v3/documents/batch` of 100, one client, after "
                + "a warm-up of as many documents as the measured runs (JIT); \"all "
                + "done\" is when the last document's status became `done` (its `updatedAt`), found by polling "
                + "`GET /v3/documents/processing`; CPU is the whole JVM's (server and client). A run during which "
                + "other processes took more than " + f(CpuTime.DISTURBED_POINTS, 0) + " % of the cores does not count "
                + "and is repeated (at most 3 extra):\n\n"
                + texts + "\n" + summary + "\nMixed files, `POST /v3/documents/file` one at a time (median "
                + f(fileMedian, 1) + " files/s):\n\n" + files;
    }
}
