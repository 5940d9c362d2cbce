package io.hippocamel.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The report of one sync run, kept as the connector's {@code lastSyncRun}.
 *
 * @param status    running, completed, failed or skipped (another run held the lease)
 * @param added     documents created
 * @param updated   documents re-processed because their source changed
 * @param deleted   documents removed because their source item was deleted, trashed or unshared
 * @param unchanged items listed whose source had not changed
 * @param failed    items that could not be fetched (the cursor is then kept, so the next run tries again)
 * @param skipped   items left out: new ones past the documentLimit, and any larger than the max file size
 * @param errorCode auth_expired, rate_limited, provider_unavailable, internal, or null
 * @param error     what went wrong, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SyncRun(String status, int added, int updated, int deleted, int unchanged, int failed, int skipped,
                      String errorCode, String error, Instant startedAt, Instant completedAt) {

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
