package io.hippocamel.memory.extract;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link LlmExtractor} (to be bound to {@code hippocamel.llm.*}).
 *
 * @param baseUrl              the OpenAI-compatible API root, e.g. {@code https://api.openai.com/v1} or
 *                             {@code http://localhost:11434/v1} (Ollama); {@code /chat/completions} is appended.
 *                             Blank means no LLM: the built-in extractor is used
 * @param apiKey               sent as {@code Authorization: Bearer ...}; blank sends none (Ollama, vLLM)
 * @param model                the model name
 * @param timeout              per attempt, connecting and waiting for the whole answer
 * @param maxRetries           attempts after the first one on timeouts, connection errors, 429 and 5xx
 * @param initialBackoff       wait before the first retry, doubled each retry, when the server sends no Retry-After
 * @param maxBackoff           cap on any wait between attempts, Retry-After included
 * @param maxConcurrent        calls in flight at once (the rest wait for a slot)
 * @param maxWaitForSlot       how long a call waits for a slot before falling back to the built-in extractor
 * @param breakerFailureRate   percentage of failed attempts (each retry is one) in the window that opens the breaker
 * @param breakerWindow        attempts the failure rate is computed over (and needed before it can open)
 * @param breakerOpenFor       how long an open breaker sends every input straight to the built-in extractor before
 *                             letting one trial call through
 * @param maxTokens            cap on the answer's length (a longer answer arrives truncated and is salvaged)
 */
public record LlmExtractorSettings(String baseUrl, String apiKey, String model, Duration timeout, int maxRetries,
                                   Duration initialBackoff, Duration maxBackoff, int maxConcurrent,
                                   Duration maxWaitForSlot, float breakerFailureRate, int breakerWindow,
                                   Duration breakerOpenFor, int maxTokens) {

    public LlmExtractorSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxWaitForSlot, "maxWaitForSlot");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (maxRetries < 0 || maxConcurrent < 1 || breakerWindow < 1 || maxTokens < 1
                || breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("invalid LLM extractor settings: maxRetries " + maxRetries
                    + ", maxConcurrent " + maxConcurrent + ", breakerWindow " + breakerWindow + ", maxTokens "
                    + maxTokens + ", breakerFailureRate " + breakerFailureRate);
        }
    }

    /** Defaults: 30 s timeout, 2 retries from 1 s (waits up to 30 s), 4 calls at once, breaker 50 % of 10, 60 s. */
    public static LlmExtractorSettings of(String baseUrl, String apiKey, String model) {
        return new LlmExtractorSettings(baseUrl, apiKey, model, Duration.ofSeconds(30), 2, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 4, Duration.ofSeconds(60), 50f, 10, Duration.ofSeconds(60), 2048);
    }

    /** Whether an LLM is configured at all. */
    public boolean configured() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
