package io.hippocamel.memory;

import java.util.List;

/**
 * The memory writes one document's extraction ends with.
 *
 * @param job       the extraction job
 * @param version   the document version extracted
 * @param memories  memories to write; those with a null vector still need their content embedded
 * @param supported ids of the latest memories this version produced or supports (its record for the next version)
 */
public record MemoryBatch(ExtractionJob job, long version, List<Memory> memories, List<String> supported) {

    public MemoryBatch {
        memories = List.copyOf(memories);
        supported = List.copyOf(supported);
    }
}
