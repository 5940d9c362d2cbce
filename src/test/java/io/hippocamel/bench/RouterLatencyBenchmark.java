package io.hippocamel.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Router overhead: the same chat request sent straight to a local OpenAI-compatible upstream and through the Memory
 * Router (memory on: strip, hybrid retrieval over a user pool of 10k memories, augment, forward, async store),
 * alternating one direct and one routed call so both see the same machine noise. Reports client-side latency
 * percentiles of each, non-streaming (whole answer) and streaming (time to the first event), and their difference.
 */
final class RouterLatencyBenchmark {

    static final String SECTION = "router";
    private static final String USER = "router-bench-user";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(double addedP50, double addedP99, double addedTtfbP50, double addedTtfbP99, String markdown) {
    }

    private record Sample(double direct, double routed) {
    }

    static Result run(BenchOptions options) throws Exception {
        int poolSize = options.size(10_000, 1_000);
        int warmup = options.size(200, 30);
        int measured = options.size(1_000, 100);
        try (FakeUpstream upstream = new FakeUpstream();
             BenchServer server = BenchServer.start(options.dataRoot().resolve(SECTION),
                     "--hippocamel.router.allowed-upstreams[0]=" + upstream.base() + "/")) {
            new PoolLoader(server.client(), SECTION, 2_000).load(USER, new SentenceGenerator(31)
                    .sentences(poolSize, new HashSet<>()).stream().map(ApiClient.NewDoc::of).toList());
            List<String> questions = new SentenceGenerator(32).questions(warmup + measured);
            String routed = "http://127.0.0.1:" + server.port() + "/v3/" + upstream.base() + "/v1/chat/completions";
            String direct = upstream.base() + "/v1/chat/completions";
            HttpClient http = HttpClient.newHttpClient();

            Progress.log(SECTION, "pool of %,d memories; warm-up %d, measuring %d pairs", poolSize, warmup, measured);
            for (int i = 0; i < warmup; i++) {
                call(http, routed, questions.get(i), false, i);
                call(http, direct, questions.get(i), false, i);
            }
            List<Sample> whole = new ArrayList<>();
            List<Sample> firstEvent = new ArrayList<>();
            for (int i = warmup; i < warmup + measured; i++) {
                String q = questions.get(i);
                whole.add(new Sample(call(http, direct, q, false, i), call(http, routed, q, false, i)));
                firstEvent.add(new Sample(call(http, direct, q, true, i), call(http, routed, q, true, i)));
            }
            Result result = result(whole, firstEvent, poolSize, measured);
            Progress.log(SECTION, "added latency p50 %.1f ms, p99 %.1f ms; streaming first event p50 %.1f, p99 %.1f",
                    result.addedP50(), result.addedP99(), result.addedTtfbP50(), result.addedTtfbP99());
            return result;
        }
    }

    /** Milliseconds until the whole answer (or, streaming, the first event) arrived. */
    private static double call(HttpClient http, String url, String question, boolean stream, int n)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("model", "bench", "stream", stream, "messages",
                List.of(Map.of("role", "user", "content", question))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-bench")
                .header("x-supermemory-api-key", BenchServer.API_KEY).header("x-sm-user-id", USER)
                .header("x-sm-conversation-id", "bench-" + n + (stream ? "-s" : ""))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            if (stream) {
                in.read(); // the first byte of the first event
                double ms = (System.nanoTime() - t0) / 1e6;
                in.readAllBytes();
                return ms;
            }
            in.readAllBytes();
            return (System.nanoTime() - t0) / 1e6;
        }
    }

    private static Result result(List<Sample> whole, List<Sample> first, int pool, int n) {
        double[] d = whole.stream().mapToDouble(Sample::direct).toArray();
        double[] r = whole.stream().mapToDouble(Sample::routed).toArray();
        double[] ds = first.stream().mapToDouble(Sample::direct).toArray();
        double[] rs = first.stream().mapToDouble(Sample::routed).toArray();
        double added50 = Stats.percentile(r, 50) - Stats.percentile(d, 50);
        double added99 = Stats.percentile(r, 99) - Stats.percentile(d, 99);
        double ttfb50 = Stats.percentile(rs, 50) - Stats.percentile(ds, 50);
        double ttfb99 = Stats.percentile(rs, 99) - Stats.percentile(ds, 99);
        MarkdownTable table = new MarkdownTable("call", "direct p50", "direct p99", "through router p50",
                "through router p99", "added p50", "added p99");
        table.row("non-streaming, whole answer (ms)", MarkdownTable.f(Stats.percentile(d, 50), 1),
                MarkdownTable.f(Stats.percentile(d, 99), 1), MarkdownTable.f(Stats.percentile(r, 50), 1),
                MarkdownTable.f(Stats.percentile(r, 99), 1), "**" + MarkdownTable.f(added50, 1) + "**",
                "**" + MarkdownTable.f(added99, 1) + "**");
        table.row("streaming, first event (ms)", MarkdownTable.f(Stats.percentile(ds, 50), 1),
                MarkdownTable.f(Stats.percentile(ds, 99), 1), MarkdownTable.f(Stats.percentile(rs, 50), 1),
                MarkdownTable.f(Stats.percentile(rs, 99), 1), "**" + MarkdownTable.f(ttfb50, 1) + "**",
                "**" + MarkdownTable.f(ttfb99, 1) + "**");
        String md = "## Memory Router added latency\n\n"
                + "The same chat request, one user message, straight to a local OpenAI-compatible upstream (it answers "
                + "at once) and through the router with memory on: strip, hybrid retrieval in a pool of "
                + String.format("%,d", pool) + " memories of the user, augment, forward, and the new turns stored "
                + "asynchronously (each request is a new conversation, so every call also feeds the ingest pipeline "
                + "in the background). " + n + " pairs, direct and routed calls alternating, one client, after a "
                + "warm-up. Added = routed percentile − direct percentile. Target: added p50 ≤ 15 ms, p99 ≤ 50 ms.\n\n"
                + table + "\n";
        return new Result(added50, added99, ttfb50, ttfb99, md);
    }

    /** An upstream that answers a chat call at once, as JSON or as three server-sent events. */
    private static final class FakeUpstream implements AutoCloseable {
        private final HttpServer server;

        FakeUpstream() throws IOException {
            // without it the JDK server's Nagle delay (~40 ms per call) would be measured, not the router
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/chat/completions", this::answer);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fake-upstream");
                t.setDaemon(true);
                return t;
            }));
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange ex) throws IOException {
            boolean stream = JSON.readTree(ex.getRequestBody()).path("stream").asBoolean();
            if (stream) {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    for (String piece : List.of("Sure", ", noted", ".")) {
                        out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece
                                + "\"}}]}\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            byte[] body = ("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                    + "{\"role\":\"assistant\",\"content\":\"Sure, noted.\"},\"finish_reason\":\"stop\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
