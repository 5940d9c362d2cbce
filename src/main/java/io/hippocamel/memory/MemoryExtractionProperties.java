package io.hippocamel.memory;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Memory extraction after ingest ({@code hippocamel.memory.extraction}).
 *
 * @param enabled        whether documents that reach {@code done} have memories extracted
 * @param concurrency    documents extracted in parallel
 * @param knownMemories  latest memories of the tag, most similar first, that a new fact may duplicate, update or
 *                       extend (besides those the document's previous version produced)
 */
@Validated
@ConfigurationProperties("hippocamel.memory.extraction")
public record MemoryExtractionProperties(@DefaultValue("false") boolean enabled,
                                         @DefaultValue("2") @Min(1) @Max(64) int concurrency,
                                         @DefaultValue("10") @Min(0) @Max(200) int knownMemories) {
}
