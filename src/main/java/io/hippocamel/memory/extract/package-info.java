/**
 * Memory extraction: the {@link io.hippocamel.memory.extract.Extractor} port turns a document or conversation into
 * short facts and decides, against the container tag's latest memories, whether each is new, a duplicate, a new
 * version or an extension. Adapters: {@link io.hippocamel.memory.extract.BuiltInExtractor} (deterministic, no model,
 * the default) and {@link io.hippocamel.memory.extract.LlmExtractor} (any OpenAI-compatible chat endpoint, falling
 * back to the built-in one); {@link io.hippocamel.memory.extract.ExtractorFactory} picks one. Plain Java: no Camel,
 * no store.
 */
package io.hippocamel.memory.extract;
