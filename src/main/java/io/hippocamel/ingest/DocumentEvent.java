package io.hippocamel.ingest;

import io.hippocamel.core.DocumentStatus;
import java.time.Instant;

/**
 * A change in a document's life that flows may react to.
 *
 * @param type         what happened
 * @param tenant       the owning tenant
 * @param documentId   the document, or null for a bulk delete of a whole container tag
 * @param customId     the document's customId, or null
 * @param containerTag the document's (or the deleted) container tag
 * @param status       the document's status after the change (null for deletions)
 * @param error        the failure reason for {@code FAILED}, else null
 * @param at           when it happened
 */
public record DocumentEvent(Type type, String tenant, String documentId, String customId, String containerTag,
                            DocumentStatus status, String error, Instant at) {

    public enum Type { QUEUED, DONE, FAILED, DELETED }
}
