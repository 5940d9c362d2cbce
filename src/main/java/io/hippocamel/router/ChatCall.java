package io.hippocamel.router;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A chat request on its way through the router pipeline; each step returns a changed copy.
 *
 * @param tenant         tenant of the x-supermemory-api-key
 * @param containerTag   the user's container tag, or null when no user id came (memory is then skipped)
 * @param conversationId given or derived conversation id
 * @param provider       wire format of the body
 * @param forward        where and how to forward
 * @param original       the request body as the client sent it (forwarded unchanged when memory fails)
 * @param body           the request body as it will be forwarded
 * @param stream         whether the client asked for a streamed answer
 * @param memories       memories retrieved for this request (texts)
 * @param stats          what the pipeline did, reported in x-supermemory-* headers
 */
public record ChatCall(String tenant, String containerTag, String conversationId, Provider provider,
                       ForwardRequest forward, ObjectNode original, ObjectNode body, boolean stream,
                       List<String> memories, RouterStats stats) {

    public ChatCall {
        memories = List.copyOf(memories);
    }

    public ChatCall withBody(ObjectNode newBody, RouterStats newStats) {
        return new ChatCall(tenant, containerTag, conversationId, provider, forward, original, newBody, stream,
                memories, newStats);
    }

    public ChatCall withMemories(List<String> newMemories) {
        return new ChatCall(tenant, containerTag, conversationId, provider, forward, original, body, stream,
                newMemories, stats);
    }

    /** Memory failed: the original body goes upstream untouched and the reason is reported. */
    public ChatCall failedOpen(String error) {
        return new ChatCall(tenant, containerTag, conversationId, provider, forward, original, original.deepCopy(),
                stream, List.of(), new RouterStats(stats.tokensProcessed(), 0, 0, false, error));
    }
}
