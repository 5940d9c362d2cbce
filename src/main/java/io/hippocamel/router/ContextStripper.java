package io.hippocamel.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Router step 1: when a conversation exceeds the token budget, keeps the system prompt and the most recent turns
 * and drops the middle. Dropped turns are already in the user's memory (stored by earlier requests) and come back
 * through retrieval when they matter. Room for the memory block is reserved inside the budget.
 */
public class ContextStripper {

    private final TokenCounter tokens;
    private final int maxContextTokens;
    private final int reservedForMemories;

    public ContextStripper(TokenCounter tokens, int maxContextTokens, int reservedForMemories) {
        this.tokens = tokens;
        this.maxContextTokens = maxContextTokens;
        this.reservedForMemories = Math.min(reservedForMemories, maxContextTokens / 2);
    }

    public ChatCall strip(ChatCall call) {
        ArrayNode messages = ChatMessages.messages(call.body());
        int fixed = call.provider() == Provider.ANTHROPIC
                ? tokens.count(ChatMessages.systemPrompt(call.body(), call.provider())) : 0;
        int total = fixed;
        for (JsonNode m : messages) {
            total += tokens.message(m);
        }
        if (total <= maxContextTokens || messages.size() < 2) {
            return call;
        }
        int budget = maxContextTokens - reservedForMemories - fixed;
        for (JsonNode m : messages) {
            if (ChatMessages.isSystem(m)) {
                budget -= tokens.message(m);
            }
        }
        Set<Integer> drop = new HashSet<>();
        int last = messages.size() - 1;
        int firstKept = last; // the latest message is always kept
        budget -= tokens.message(messages.get(last));
        for (int i = last - 1; i >= 0; i--) {
            JsonNode m = messages.get(i);
            if (ChatMessages.isSystem(m)) {
                continue;
            }
            int cost = tokens.message(m);
            if (cost > budget) {
                break;
            }
            budget -= cost;
            firstKept = i;
        }
        // a kept window must open with a user turn: no orphan assistant or tool messages at its start
        while (firstKept < last && !"user".equals(messages.get(firstKept).path("role").asText())) {
            firstKept++;
        }
        for (int i = 0; i < firstKept; i++) {
            if (!ChatMessages.isSystem(messages.get(i))) {
                drop.add(i);
            }
        }
        if (drop.isEmpty()) {
            return call;
        }
        return call.withBody(ChatMessages.withoutMessages(call.body(), drop), call.stats().dropped(drop.size()));
    }
}
