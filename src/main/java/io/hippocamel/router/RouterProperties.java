package io.hippocamel.router;

import io.hippocamel.embed.OnnxModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** The Memory Router (LLM proxy). */
@Validated
@ConfigurationProperties("hippocamel.router")
public class RouterProperties {
    /** URL prefixes the router may forward to; anything else is refused with 403. */
    private List<String> allowedUpstreams = new ArrayList<>(List.of(
            "https://api.openai.com/",
            "https://api.anthropic.com/",
            "https://generativelanguage.googleapis.com/",
            "https://api.groq.com/",
            "https://api.deepinfra.com/",
            "https://openrouter.ai/"));
    /** Conversations longer than this (cl100k tokens) lose their oldest turns before forwarding. */
    @Min(256)
    private int maxContextTokens = 20_000;
    /** Token budget of the memory block added to the system prompt. */
    @Min(0)
    private int memoryTokens = 2_000;
    /** Memories retrieved per request at most. */
    @Min(0)
    @Max(100)
    private int topK = 5;
    /** Minimum similarity ((1 + cosine) / 2) of a retrieved memory. */
    @DecimalMin("0")
    @DecimalMax("1")
    private double threshold = 0.6;
    /** Longest an upstream may stay silent: before its answer starts, and between two streamed bytes. */
    @NotNull
    private Duration upstreamTimeout = Duration.ofMinutes(10);
    /** Longest a router call may last, streamed answer included; a longer stream ends with an error event. */
    @NotNull
    private Duration maxCallDuration = Duration.ofMinutes(60);

    /**
     * How long the servlet container lets one HTTP call run: past the router's own limits, so the container
     * never cuts an answer silently (the router always ends it first, with an error the client sees).
     */
    public Duration asyncRequestTimeout() {
        return maxCallDuration.plus(upstreamTimeout).plusMinutes(1);
    }

    public Duration getUpstreamTimeout() {
        return upstreamTimeout;
    }

    public void setUpstreamTimeout(Duration upstreamTimeout) {
        this.upstreamTimeout = upstreamTimeout;
    }

    public Duration getMaxCallDuration() {
        return maxCallDuration;
    }

    public void setMaxCallDuration(Duration maxCallDuration) {
        this.maxCallDuration = maxCallDuration;
    }

    public List<String> getAllowedUpstreams() {
        return allowedUpstreams;
    }

    public void setAllowedUpstreams(List<String> allowedUpstreams) {
        this.allowedUpstreams = allowedUpstreams;
    }

    public int getMaxContextTokens() {
        return maxContextTokens;
    }

    public void setMaxContextTokens(int maxContextTokens) {
        this.maxContextTokens = maxContextTokens;
    }

    public int getMemoryTokens() {
        return memoryTokens;
    }

    public void setMemoryTokens(int memoryTokens) {
        this.memoryTokens = memoryTokens;
    }

    public int getTopK() {
        return topK;
    }

    public void setTopK(int topK) {
        this.topK = topK;
    }

    public double getThreshold() {
        return threshold;
    }

    public void setThreshold(double threshold) {
        this.threshold = threshold;
    }
}
