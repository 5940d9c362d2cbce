package io.hippocamel.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.http.HttpClients;
import io.hippocamel.http.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Embeds through an OpenAI-compatible {@code POST <baseUrl>/embeddings} endpoint (OpenAI, vLLM, Ollama, TEI...).
 * Vectors are re-normalised to unit length, since not every server returns normalised vectors. Embedding calls have
 * no side effects, so rate limits (429, honouring {@code Retry-After}) and 5xx are retried by the shared client.
 */
public class OpenAiEmbedder implements Embedder {

    private final CloseableHttpClient http;
    private final ObjectMapper json;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final int dimension;
    private final int batchSize;

    /** With two retries, backing off from 500 ms and waiting at most 10 s at a time. */
    public OpenAiEmbedder(String baseUrl, String model, String apiKey, int dimension, Duration timeout,
                          int batchSize, ObjectMapper json) {
        this(baseUrl, model, apiKey, dimension, new HttpSettings(timeout, timeout, 2, Duration.ofMillis(500),
                Duration.ofSeconds(10)), batchSize, json);
    }

    public OpenAiEmbedder(String baseUrl, String model, String apiKey, int dimension, HttpSettings http,
                          int batchSize, ObjectMapper json) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/embeddings");
        this.model = model;
        this.apiKey = apiKey;
        this.dimension = dimension;
        this.batchSize = batchSize;
        this.json = json;
        this.http = HttpClients.create(http);
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
        HttpPost request = new HttpPost(endpoint);
        if (apiKey != null && !apiKey.isBlank()) {
            request.setHeader("Authorization", "Bearer " + apiKey);
        }
        String answer;
        try {
            request.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            answer = http.execute(request, response -> {
                String text = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() / 100 != 2) {
                    throw new EmbeddingException("embeddings endpoint answered " + response.getCode() + ": "
                            + abbreviate(text));
                }
                return text;
            });
        } catch (IOException e) {
            throw new EmbeddingException("embeddings endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        }
        return parse(answer, texts.size());
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
