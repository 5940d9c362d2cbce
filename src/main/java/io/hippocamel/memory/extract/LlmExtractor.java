package io.hippocamel.memory.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Extracts facts with a model behind an OpenAI-compatible {@code POST <baseUrl>/chat/completions} (OpenAI, Ollama,
 * vLLM, Groq...), asking for a JSON object ({@code response_format: json_object}) that lists facts with their
 * decision against the known memory ids (see {@link LlmPrompt#SYSTEM}).
 *
 * <p>Robustness: each attempt has a timeout; timeouts, connection errors, 429 and 5xx are retried with exponential
 * backoff or the server's {@code Retry-After} / {@code retry-after-ms} (capped at the maximum backoff); a circuit
 * breaker counts failed attempts and, while open, sends inputs straight to the fallback; a bulkhead bounds the calls
 * in flight. Whatever fails, the built-in extractor stands in for the part of the input the model did not answer,
 * and the result's {@link ExtractionResult#fallbackReason()} says why, so no fact is silently dropped. A cut-off or
 * broken answer keeps the facts it completed ({@link LenientJson}) and the fallback covers the sentences or turns
 * none of them cites. Ids the model invents become {@link Decision#NEW}. Long inputs go in windows of about
 * {@value #WINDOW_CHARS} characters, one call each. Thread-safe.
 */
public final class LlmExtractor implements Extractor {

    static final int WINDOW_CHARS = 12_000;

    private final LlmExtractorSettings settings;
    private final Extractor fallback;
    private final ObjectMapper json;
    private final URI endpoint;
    private final HttpClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;

    public LlmExtractor(LlmExtractorSettings settings, Extractor fallback, ObjectMapper json) {
        if (!settings.configured()) {
            throw new IllegalArgumentException("the LLM extractor needs a base URL");
        }
        this.settings = settings;
        this.fallback = fallback;
        this.json = json;
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/chat/completions");
        // HTTP/1.1: a plain-http h2c upgrade left pending by a timed-out call holds up the next call to that host
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .build();
        this.retry = Retry.of("llm-extractor", RetryConfig.custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(e -> e instanceof LlmCallException call && call.retryable())
                .intervalBiFunction((attempt, outcome) -> backoff(attempt,
                        outcome.isLeft() ? outcome.getLeft() : null))
                .build());
        this.breaker = CircuitBreaker.of("llm-extractor", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerWindow())
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof LlmCallException)
                .ignoreExceptions(BulkheadFullException.class)
                .build());
        this.bulkhead = Bulkhead.of("llm-extractor", BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrent())
                .maxWaitDuration(settings.maxWaitForSlot())
                .build());
    }

    /** Whether the circuit breaker is open (inputs go straight to the built-in extractor). */
    public boolean breakerOpen() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    @Override
    public ExtractionResult extract(ExtractionInput input) {
        List<LlmPrompt.Unit> units = LlmPrompt.units(input);
        List<ExtractedFact> facts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean anyAnswer = false;
        ExtractionResult[] builtIn = new ExtractionResult[1];
        Supplier<List<ExtractedFact>> fallbackFacts = () -> {
            if (builtIn[0] == null) {
                builtIn[0] = fallback.extract(input);
            }
            return builtIn[0].facts();
        };
        for (List<LlmPrompt.Unit> window : LlmPrompt.windows(units, WINDOW_CHARS)) {
            if (window.stream().noneMatch(LlmPrompt.Unit::userAuthored)) {
                continue;
            }
            Provenance windowSource = window.stream().map(LlmPrompt.Unit::provenance)
                    .reduce(Provenance.NONE, Provenance::merge);
            Answer answer;
            try {
                answer = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                        Bulkhead.decorateSupplier(bulkhead, () -> call(input, window)))).get();
            } catch (CallNotPermittedException e) {
                reasons.add("circuit breaker open");
                facts.addAll(within(fallbackFacts.get(), windowSource));
                continue;
            } catch (BulkheadFullException e) {
                reasons.add("no free LLM slot within " + settings.maxWaitForSlot());
                facts.addAll(within(fallbackFacts.get(), windowSource));
                continue;
            } catch (LlmCallException e) {
                reasons.add("LLM call failed: " + e.getMessage());
                facts.addAll(within(fallbackFacts.get(), windowSource));
                continue;
            }
            LenientJson.Parsed parsed = LenientJson.parse(answer.content());
            JsonNode list = factList(parsed.root());
            if (list == null) {
                reasons.add("LLM answer has no facts list: " + abbreviate(answer.content()));
                facts.addAll(within(fallbackFacts.get(), windowSource));
                continue;
            }
            anyAnswer = true;
            List<ExtractedFact> answered = facts(list, input, window);
            facts.addAll(answered);
            if (!parsed.complete() || answer.truncated()) {
                List<ExtractedFact> rest = within(fallbackFacts.get(), windowSource).stream()
                        .filter(f -> answered.stream().noneMatch(a -> a.provenance().overlaps(f.provenance())))
                        .toList();
                reasons.add((answer.truncated() ? "LLM answer cut off" : "LLM answer malformed") + ": kept "
                        + answered.size() + " facts, built-in extractor added " + rest.size());
                facts.addAll(rest);
            }
        }
        String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
        return new ExtractionResult(distinct(facts),
                anyAnswer ? ExtractionResult.Producer.LLM : reasons.isEmpty() ? ExtractionResult.Producer.LLM
                        : ExtractionResult.Producer.BUILT_IN, reason);
    }

    /** The model's answer text and whether it stopped at the token limit. */
    private record Answer(String content, boolean truncated) {
    }

    private Answer call(ExtractionInput input, List<LlmPrompt.Unit> window) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("temperature", 0);
        body.put("max_tokens", settings.maxTokens());
        body.put("response_format", Map.of("type", "json_object"));
        body.put("messages", List.of(Map.of("role", "system", "content", LlmPrompt.SYSTEM),
                Map.of("role", "user", "content", LlmPrompt.user(input, window))));
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(endpoint)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a chat request", e);
        }
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = send(request.build());
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status == 429 || status == 408 || status >= 500;
            throw new LlmCallException(endpoint + " answered " + status + ": " + abbreviate(response.body()),
                    retryable, retryAfter(response), null);
        }
        try {
            JsonNode choice = json.readTree(response.body()).path("choices").path(0);
            JsonNode content = choice.path("message").path("content");
            if (!content.isTextual()) {
                throw new LlmCallException(endpoint + " answered without message content: "
                        + abbreviate(response.body()), false, null, null);
            }
            return new Answer(content.asText(), "length".equals(choice.path("finish_reason").asText()));
        } catch (JsonProcessingException e) {
            throw new LlmCallException(endpoint + " answered invalid JSON: " + abbreviate(response.body()), false,
                    null, e);
        }
    }

    /** Sends with a deadline on the whole exchange (the request timeout alone does not cover a stalled body). */
    private HttpResponse<String> send(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return pending.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new LlmCallException(endpoint + " timed out after " + settings.timeout(), true, null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof HttpTimeoutException ? " timed out after " + settings.timeout()
                    : " unreachable: " + cause;
            throw new LlmCallException(endpoint + what, cause instanceof IOException, null, cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmCallException("interrupted while calling " + endpoint, false, null, e);
        }
    }

    /** Retry-After in seconds or as an HTTP date, or OpenAI's retry-after-ms; null when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> response) {
        try {
            String millis = response.headers().firstValue("retry-after-ms").orElse(null);
            if (millis != null) {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.strip())));
            }
            String value = response.headers().firstValue("retry-after").orElse(null);
            if (value == null) {
                return null;
            }
            value = value.strip();
            if (!value.isEmpty() && Character.isDigit(value.charAt(0))) {
                return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000)));
            }
            Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private long backoff(int attempt, Throwable failure) {
        long max = settings.maxBackoff().toMillis();
        if (failure instanceof LlmCallException call && call.retryAfter() != null) {
            return Math.min(call.retryAfter().toMillis(), max);
        }
        long wait = settings.initialBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return Math.min(wait, max);
    }

    /** The array of facts: {@code {"facts": [...]}} (or {@code memories}), or a bare array. */
    private static JsonNode factList(JsonNode root) {
        if (root == null) {
            return null;
        }
        if (root.isArray()) {
            return root;
        }
        for (String name : List.of("facts", "memories")) {
            if (root.path(name).isArray()) {
                return root.get(name);
            }
        }
        return null;
    }

    /** The model's facts, checked: content required, ids only if known, sources only from this window. */
    private List<ExtractedFact> facts(JsonNode list, ExtractionInput input, List<LlmPrompt.Unit> window) {
        List<ExtractedFact> out = new ArrayList<>();
        for (JsonNode item : list) {
            JsonNode contentNode = item.isTextual() ? item : item.path("content");
            if (!contentNode.isTextual()) {
                contentNode = item.path("memory");
            }
            String content = contentNode.isTextual() ? contentNode.asText().strip() : "";
            if (content.isEmpty()) {
                continue;
            }
            Decision decision = Decision.parse(text(item, "decision", "relation", "event"));
            String target = text(item, "targetId", "target_id", "memoryId", "id");
            if (!input.knows(target)) {
                decision = Decision.NEW;
            }
            JsonNode isStatic = item.path("isStatic").isMissingNode() ? item.path("is_static") : item.path("isStatic");
            boolean statik = isStatic.isBoolean() ? isStatic.asBoolean() : "true".equalsIgnoreCase(isStatic.asText());
            JsonNode temporal = item.path("temporalContext").isMissingNode() ? item.path("temporal_context")
                    : item.path("temporalContext");
            String temporalContext = temporal.isNull() || temporal.isMissingNode() ? null
                    : temporal.isTextual() ? blankToNull(temporal.asText()) : temporal.toString();
            out.add(new ExtractedFact(content, statik, decision, decision.hasTarget() ? target : null,
                    temporalContext, sources(item.path("sources"), window)));
        }
        return out;
    }

    private static Provenance sources(JsonNode sources, List<LlmPrompt.Unit> window) {
        List<Integer> labels = new ArrayList<>();
        if (sources.isArray()) {
            sources.forEach(s -> labels.add(s.asInt(Integer.MIN_VALUE)));
        } else if (sources.canConvertToInt()) {
            labels.add(sources.asInt());
        }
        Provenance out = Provenance.NONE;
        for (LlmPrompt.Unit unit : window) {
            if (labels.contains(unit.label())) {
                out = out.merge(unit.provenance());
            }
        }
        return out;
    }

    private static String text(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
            if (value.isNumber()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equalsIgnoreCase("null") ? null : s.strip();
    }

    /** The built-in facts that came from this window. */
    private static List<ExtractedFact> within(List<ExtractedFact> facts, Provenance window) {
        return facts.stream().filter(f -> f.provenance().overlaps(window)).toList();
    }

    /** Facts with the same wording (case and spacing aside) merged into the first one. */
    private static List<ExtractedFact> distinct(List<ExtractedFact> facts) {
        Map<String, ExtractedFact> byText = new LinkedHashMap<>();
        for (ExtractedFact fact : facts) {
            String key = fact.content().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            byText.merge(key, fact, (first, later) -> new ExtractedFact(first.content(), first.isStatic(),
                    first.decision(), first.targetId(), first.temporalContext(),
                    first.provenance().merge(later.provenance())));
        }
        return List.copyOf(byText.values());
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }
}
