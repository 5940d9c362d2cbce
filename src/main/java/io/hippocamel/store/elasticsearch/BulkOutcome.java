package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result of one operation sent through the {@code BulkIngester}: written, lost a compare-and-set race (409), or
 * failed with a reason. The listener hands each operation's outcome to the future the writer waits on.
 *
 * @param conflict whether another writer changed the document first
 * @param error    the failure reason, or null
 */
record BulkOutcome(boolean conflict, String error) {

    static final BulkOutcome OK = new BulkOutcome(false, null);

    /** Completes every operation's future from the bulk response; on a failed request, fails them all and logs. */
    static final class Listener implements BulkListener<CompletableFuture<BulkOutcome>> {

        private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts) {
            // nothing to prepare
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts,
                              BulkResponse response) {
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < contexts.size(); i++) {
                BulkResponseItem item = items.get(i);
                contexts.get(i).complete(item.error() == null ? OK
                        : new BulkOutcome(item.status() == 409, item.error().type() + ": " + item.error().reason()));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<BulkOutcome>> contexts,
                              Throwable failure) {
            LOG.warn("bulk request {} of {} operations failed: {}", executionId, contexts.size(), failure.toString());
            contexts.forEach(future -> future.completeExceptionally(failure));
        }
    }
}
