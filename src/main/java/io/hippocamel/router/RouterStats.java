package io.hippocamel.router;

/**
 * What the router did to a request, reported in the x-supermemory-* response headers.
 *
 * @param tokensProcessed tokens of the conversation as the client sent it
 * @param turnsDropped    old turns removed by strip
 * @param memoriesAdded   memories added to the system prompt
 * @param contextModified whether the forwarded body differs from the client's
 * @param error           why memory was skipped (fail open), or null
 */
public record RouterStats(int tokensProcessed, int turnsDropped, int memoriesAdded, boolean contextModified,
                          String error) {

    public static RouterStats initial(int tokens) {
        return new RouterStats(tokens, 0, 0, false, null);
    }

    public RouterStats dropped(int turns) {
        return new RouterStats(tokensProcessed, turnsDropped + turns, memoriesAdded, contextModified || turns > 0,
                error);
    }

    public RouterStats added(int count) {
        return new RouterStats(tokensProcessed, turnsDropped, memoriesAdded + count, contextModified || count > 0,
                error);
    }

    public RouterStats withError(String message) {
        return new RouterStats(tokensProcessed, turnsDropped, memoriesAdded, contextModified, message);
    }
}
