package io.hippocamel.memory;

import io.hippocamel.memory.extract.LlmExtractorSettings;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM that extracts memories ({@code hippocamel.llm}): any OpenAI-compatible chat endpoint; none configured
 * (blank base URL) means the built-in extractor.
 *
 * @param baseUrl       API root, e.g. https://api.openai.com/v1 or http://localhost:11434/v1; blank: no LLM
 * @param apiKey        sent as a bearer token; blank sends none
 * @param model         model name
 * @param timeout       per attempt, the whole answer included
 * @param maxConcurrent calls in flight at once
 * @param maxRetries    attempts after the first on timeouts, connection errors, 429 and 5xx
 */
@Validated
@ConfigurationProperties("hippocamel.llm")
public record LlmProperties(@DefaultValue("") String baseUrl, @DefaultValue("") String apiKey,
                            @DefaultValue("gpt-4o-mini") String model, @DefaultValue("30s") Duration timeout,
                            @DefaultValue("4") @Min(1) int maxConcurrent, @DefaultValue("2") @Min(0) int maxRetries) {

    /** The extractor settings: these values, the library defaults for backoff and circuit breaker. */
    public LlmExtractorSettings settings() {
        LlmExtractorSettings defaults = LlmExtractorSettings.of(baseUrl, apiKey, model);
        return new LlmExtractorSettings(baseUrl, apiKey, model, timeout, maxRetries, defaults.initialBackoff(),
                defaults.maxBackoff(), maxConcurrent, defaults.maxWaitForSlot(), defaults.breakerFailureRate(),
                defaults.breakerWindow(), defaults.breakerOpenFor(), defaults.maxTokens());
    }
}
