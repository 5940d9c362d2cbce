package io.hippocamel.memory;

import java.time.Instant;
import java.util.List;

/**
 * Where the memory extraction of a document stands, as recorded durably.
 *
 * @param tenant     the owning tenant
 * @param documentId the document
 * @param state      pending (queued), running, done, failed or skipped (the document was gone or not done)
 * @param version    the document version the state is about (0 while pending before a first run)
 * @param memoryIds  the memories the last completed version produced or supports
 * @param error      why it failed, else null
 * @param updatedAt  when the state changed
 */
public record ExtractionState(String tenant, String documentId, State state, long version, List<String> memoryIds,
                              String error, Instant updatedAt) {

    /** The extraction states. */
    public enum State { PENDING, RUNNING, DONE, FAILED, SKIPPED }

    public ExtractionState {
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
    }

    ExtractionState with(State newState, long newVersion, List<String> newMemoryIds, String newError, Instant at) {
        return new ExtractionState(tenant, documentId, newState, newVersion, newMemoryIds, newError, at);
    }
}
