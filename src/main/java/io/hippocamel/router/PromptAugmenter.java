package io.hippocamel.router;

import java.util.List;

/**
 * Router step 3: adds the retrieved memories to the system prompt (Anthropic: the {@code system} field) as one
 * clearly delimited block, as many as fit in the memory token budget, best first.
 */
public class PromptAugmenter {

    static final String OPEN = "<user_memories>";
    static final String CLOSE = "</user_memories>";
    private static final String INTRO = "Things remembered about this user from earlier conversations and documents "
            + "(retrieved by Hippocamel; use them when relevant, they may be incomplete or outdated):";

    private final TokenCounter tokens;
    private final int memoryTokens;

    public PromptAugmenter(TokenCounter tokens, int memoryTokens) {
        this.tokens = tokens;
        this.memoryTokens = memoryTokens;
    }

    public ChatCall augment(ChatCall call) {
        List<String> memories = call.memories();
        if (memories.isEmpty()) {
            return call;
        }
        StringBuilder block = new StringBuilder(OPEN).append('\n').append(INTRO).append('\n');
        int used = tokens.count(block.toString()) + tokens.count(CLOSE);
        int added = 0;
        for (String memory : memories) {
            String line = "- " + memory.strip().replace("\n", "\n  ") + "\n";
            int cost = tokens.count(line);
            if (used + cost > memoryTokens) {
                break;
            }
            block.append(line);
            used += cost;
            added++;
        }
        if (added == 0) {
            return call;
        }
        block.append(CLOSE);
        return call.withBody(ChatMessages.withSystemAppendix(call.body(), call.provider(), block.toString()),
                call.stats().added(added));
    }
}
