package io.hippocamel.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.Ids;
import io.hippocamel.core.StateRecord;
import io.hippocamel.store.Coordination;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The durable extraction status of each document: a coordination record {@code memory-extract:<ownerKey>} per
 * document (the document itself is not rewritten), updated by compare-and-set and readable for the document's GET
 * ({@link #of}); while an extraction is unfinished, a marker {@code memory-extract-open:<ownerKey>} too, so recovery
 * lists only those, not every document ever extracted.
 */
public class ExtractionStatus {

    static final String PREFIX = "memory-extract:";
    static final String OPEN_PREFIX = "memory-extract-open:";

    private final Coordination coordination;
    private final ObjectMapper json;
    private final Clock clock;

    public ExtractionStatus(Coordination coordination, ObjectMapper json, Clock clock) {
        this.coordination = coordination;
        this.json = json;
        this.clock = clock;
    }

    /** The extraction status of a document, if it ever had one. */
    public Optional<ExtractionState> of(String tenant, String documentId) {
        return coordination.getState(key(tenant, documentId)).map(this::read);
    }

    /** The extractions queued or running, for recovery. */
    List<ExtractionJob> unfinished() {
        return coordination.listState(OPEN_PREFIX).stream().map(r -> {
            try {
                return json.readValue(r.value(), ExtractionJob.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable extraction marker " + r.key(), e);
            }
        }).toList();
    }

    /** Queued: kept through a crash until a run ends (the last completed version's memories stay recorded). */
    void pending(ExtractionJob job) {
        update(job, s -> s.with(ExtractionState.State.PENDING, s.version(), s.memoryIds(), null, clock.instant()));
        open(job);
    }

    void running(ExtractionJob job, long version) {
        update(job, s -> s.with(ExtractionState.State.RUNNING, version, s.memoryIds(), null, clock.instant()));
    }

    void done(ExtractionJob job, long version, List<String> memoryIds) {
        update(job, s -> s.with(ExtractionState.State.DONE, version, memoryIds, null, clock.instant()));
        close(job);
    }

    void failed(ExtractionJob job, String error) {
        update(job, s -> s.with(ExtractionState.State.FAILED, s.version(), s.memoryIds(), error, clock.instant()));
        close(job);
    }

    void skipped(ExtractionJob job) {
        update(job, s -> s.with(ExtractionState.State.SKIPPED, s.version(), s.memoryIds(), null, clock.instant()));
        close(job);
    }

    private void open(ExtractionJob job) {
        String marker = OPEN_PREFIX + Ids.ownerKey(job.tenant(), job.documentId());
        if (coordination.getState(marker).isEmpty()) {
            // another writer creating it first is as good
            coordination.compareAndSetState(marker, write(job), 0);
        }
    }

    /** Ends the marker, unless the document was queued again meanwhile (its pending state came after ours). */
    private void close(ExtractionJob job) {
        coordination.deleteState(OPEN_PREFIX + Ids.ownerKey(job.tenant(), job.documentId()));
        if (of(job.tenant(), job.documentId()).map(ExtractionState::state)
                .filter(s -> s == ExtractionState.State.PENDING).isPresent()) {
            open(job);
        }
    }

    private void update(ExtractionJob job, UnaryOperator<ExtractionState> change) {
        String key = key(job.tenant(), job.documentId());
        while (true) {
            Optional<StateRecord> current = coordination.getState(key);
            ExtractionState before = current.map(this::read).orElse(new ExtractionState(job.tenant(),
                    job.documentId(), ExtractionState.State.PENDING, 0, List.of(), null, clock.instant()));
            if (coordination.compareAndSetState(key, write(change.apply(before)),
                    current.map(StateRecord::version).orElse(0L)).isPresent()) {
                return;
            }
        }
    }

    private static String key(String tenant, String documentId) {
        return PREFIX + Ids.ownerKey(tenant, documentId);
    }

    private ExtractionState read(StateRecord record) {
        try {
            return json.readValue(record.value(), ExtractionState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable extraction status " + record.key(), e);
        }
    }

    private String write(Object state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("extraction status not serialisable", e);
        }
    }
}
