package io.hippocamel.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds many documents through {@code POST /v3/documents/batch} in batches of {@link ApiClient#BATCH}, keeping at
 * most {@code window} documents in the pipeline (a polite client, and it keeps GET /v3/documents/processing small),
 * then waits until every one is processed.
 */
final class PoolLoader {

    private static final Duration POLL = Duration.ofMillis(250);

    private final ApiClient client;
    private final String section;
    private final int window;

    PoolLoader(ApiClient client, String section, int window) {
        this.client = client;
        this.section = section;
        this.window = window;
    }

    /** Adds the documents into the container tag and returns their ids in input order, once all are processed. */
    List<String> load(String containerTag, List<ApiClient.NewDoc> docs) {
        long t0 = System.nanoTime();
        long lastLog = t0;
        List<String> ids = new ArrayList<>(docs.size());
        int inPipeline = 0;
        for (int from = 0; from < docs.size(); from += ApiClient.BATCH) {
            List<ApiClient.NewDoc> batch = docs.subList(from, Math.min(docs.size(), from + ApiClient.BATCH));
            ids.addAll(client.addBatch(containerTag, batch));
            inPipeline += batch.size();
            if (inPipeline >= window) {
                client.awaitProcessing(window / 2, POLL, Duration.ofMinutes(10));
                inPipeline = client.processingCount();
            }
            if (System.nanoTime() - lastLog > 30e9) {
                lastLog = System.nanoTime();
                double s = (lastLog - t0) / 1e9;
                int done = ids.size() - client.processingCount();
                Progress.log(section, "%s: %,d of %,d documents sent, %,d done, %.0f s, %.0f docs/s", containerTag,
                        ids.size(), docs.size(), done, s, done / s);
            }
        }
        client.awaitProcessing(0, POLL, Duration.ofMinutes(30));
        double s = (System.nanoTime() - t0) / 1e9;
        Progress.log(section, "%s: %,d documents done in %.0f s (%.0f docs/s)", containerTag, docs.size(), s,
                docs.size() / s);
        return ids;
    }
}
