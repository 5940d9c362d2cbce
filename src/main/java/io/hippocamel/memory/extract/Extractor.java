package io.hippocamel.memory.extract;

/**
 * Learns facts from a document or a conversation. Adapters: {@link BuiltInExtractor} (deterministic, no model) and
 * {@link LlmExtractor} (an OpenAI-compatible chat endpoint).
 *
 * <p>Contract:
 * <ul>
 *   <li>Facts come from user-authored text only: a document's text, a conversation's user turns (any role but
 *       assistant, system and tool); questions, greetings and filler are no facts.</li>
 *   <li>Each fact carries a {@link Decision} against {@link ExtractionInput#known()}: its target id is always one of
 *       the known ids ({@link Decision#NEW} when none applies). No two facts of one result say the same thing.</li>
 *   <li>Provenance names the turn indexes (conversations) and, when known, the character spans the fact came from.</li>
 *   <li>Never throws for content: an input with nothing to learn gives no facts; a failing model is replaced by the
 *       built-in extractor and the result says so ({@link ExtractionResult#fallbackReason()}), so a caller can count
 *       fallbacks and no fact is silently dropped.</li>
 *   <li>The built-in adapter is deterministic (same input, same result). Implementations are thread-safe.</li>
 * </ul>
 */
public interface Extractor {

    ExtractionResult extract(ExtractionInput input);
}
