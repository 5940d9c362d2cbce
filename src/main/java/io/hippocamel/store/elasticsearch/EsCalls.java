package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.elasticsearch.client.ResponseException;

/** How both Elasticsearch stores call the client: unreachable clusters, lost compare-and-set races, failures. */
public final class EsCalls {

    private static final int CONFLICT = 409;

    /** One client request. */
    @FunctionalInterface
    public interface IoCall<T> {
        T call() throws IOException;
    }

    private EsCalls() {
    }

    /** Runs a client call; a cluster that cannot be reached is an UncheckedIOException. */
    public static <T> T call(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch request failed", e);
        }
    }

    /**
     * Whether a write lost a compare-and-set race (HTTP 409). The client reports it as an ElasticsearchException or,
     * depending on the request, as an IOException wrapping the low-level ResponseException.
     */
    public static boolean isConflict(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es && es.status() == CONFLICT
                    || t instanceof TransportException te && te.statusCode() == CONFLICT
                    || t instanceof ResponseException re
                    && re.getResponse().getStatusLine().getStatusCode() == CONFLICT) {
                return true;
            }
        }
        return false;
    }

    /** A failed write that was no conflict, unchecked: runtime exceptions as they are, I/O ones wrapped. */
    public static RuntimeException failure(String message, Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new UncheckedIOException(message, (IOException) e);
    }
}
