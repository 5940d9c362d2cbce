package io.hippocamel.memory;

import io.hippocamel.memory.extract.ExtractionInput;
import java.util.List;
import java.util.Map;

/**
 * A document's extractor input with the known memories it may relate to.
 *
 * @param source   the document
 * @param input    the extractor input, known memories included
 * @param known    the known memories by id (what a decision's target resolves to)
 * @param previous latest memories the document's last completed extraction produced or supported
 */
public record ExtractionRequest(ExtractionSource source, ExtractionInput input, Map<String, Memory> known,
                                List<Memory> previous) {
}
