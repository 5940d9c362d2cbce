package io.hippocamel.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeds through an OpenAI-compatible {@code POST <baseUrl>/embeddings} endpoint (OpenAI, vLLM, Ollama, TEI...).
 * Vectors are re-normalised to unit length, since not every server returns normalised vectors.
 */
public class OpenAiEmbedder implements Embedder {

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final int dimension;
    private final Duration timeout;
    private final int batchSize;

    public OpenAiEmbedder(String baseUrl, String model, String apiKey, int dimension, Duration timeout,
                          int batchSize, ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/embeddings");
        this.model = model;
        this.apiKey = apiKey;
        this.dimension = dimension;
        this.timeout = timeout;
        this.batchSize = batchSize;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(call(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }

    private List<float[]> call(List<String> texts) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", texts);
        body.put("dimensions", dimension);
        body.put("encoding_format", "float");
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new EmbeddingException("embeddings endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while calling the embeddings endpoint", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new EmbeddingException("embeddings endpoint answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return parse(response.body(), texts.size());
    }

    private List<float[]> parse(String body, int expected) {
        try {
            JsonNode data = json.readTree(body).path("data");
            if (!data.isArray() || data.size() != expected) {
                throw new EmbeddingException("embeddings endpoint returned " + data.size() + " vectors for "
                        + expected + " inputs");
            }
            float[][] vectors = new float[expected][];
            for (JsonNode item : data) {
                int index = item.path("index").asInt(-1);
                JsonNode values = item.path("embedding");
                if (index < 0 || index >= expected || values.size() != dimension) {
                    throw new EmbeddingException("embeddings endpoint returned a malformed item (index " + index
                            + ", " + values.size() + " dimensions, expected " + dimension + ")");
                }
                vectors[index] = normalise(values);
            }
            return List.of(vectors);
        } catch (IOException e) {
            throw new EmbeddingException("embeddings endpoint returned invalid JSON", e);
        }
    }

    private static float[] normalise(JsonNode values) {
        float[] v = new float[values.size()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) values.get(i).asDouble();
            norm += v[i] * v[i];
        }
        float scale = norm == 0 ? 1f : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return "openai:" + model;
    }
}
