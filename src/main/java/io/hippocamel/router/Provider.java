package io.hippocamel.router;

/** The wire format of an upstream chat request. */
public enum Provider {
    /** OpenAI Chat Completions and every OpenAI-compatible API: system prompt is a message. */
    OPENAI,
    /** Anthropic Messages: system prompt in the top-level {@code system} field. */
    ANTHROPIC
}
