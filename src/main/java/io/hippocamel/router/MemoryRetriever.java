package io.hippocamel.router;

import io.hippocamel.conversation.Turn;
import io.hippocamel.core.Scope;
import io.hippocamel.search.ChunkQuery;
import io.hippocamel.search.ScoredChunk;
import io.hippocamel.search.SearchMode;
import io.hippocamel.search.SearchService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Router step 2: searches the user's pool (hybrid) with the latest user message, plus the turn before it when the
 * message alone is short ("and what about Go?"), and keeps the memories not already present in the request.
 */
public class MemoryRetriever {

    /** Below this many characters the latest message gets the previous turn as context. */
    private static final int SHORT_QUERY = 80;
    private static final int CONTEXT_CHARS = 300;
    private static final Pattern TURN_START = Pattern.compile("(?m)^(?:user|assistant|system|tool): ");

    private final SearchService search;
    private final int topK;
    private final double threshold;

    public MemoryRetriever(SearchService search, int topK, double threshold) {
        this.search = search;
        this.topK = topK;
        this.threshold = threshold;
    }

    public ChatCall retrieve(ChatCall call) {
        List<Turn> turns = ChatMessages.turns(call.body());
        if (call.containerTag() == null || topK == 0 || turns.isEmpty()) {
            return call;
        }
        String query = query(turns);
        if (query.isBlank()) {
            return call;
        }
        Set<String> present = new HashSet<>();
        turns.forEach(t -> present.add(normalise(t.text())));
        present.add(normalise(ChatMessages.systemPrompt(call.body(), call.provider())));
        List<ScoredChunk> hits = search.search(new ChunkQuery(Scope.of(call.tenant(), call.containerTag()), query,
                null, null, topK * 3, threshold, SearchMode.HYBRID));
        List<String> memories = new ArrayList<>();
        for (ScoredChunk hit : hits) {
            String text = hit.hit().chunk().text();
            if (!alreadyPresent(text, present) && !memories.contains(text)) {
                memories.add(text);
                if (memories.size() == topK) {
                    break;
                }
            }
        }
        return call.withMemories(memories);
    }

    static String query(List<Turn> turns) {
        int lastUser = -1;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).role().equals("user")) {
                lastUser = i;
                break;
            }
        }
        if (lastUser < 0) {
            return "";
        }
        String latest = turns.get(lastUser).text().strip();
        if (latest.length() >= SHORT_QUERY || lastUser == 0) {
            return latest;
        }
        String previous = turns.get(lastUser - 1).text().strip();
        if (previous.length() > CONTEXT_CHARS) {
            previous = previous.substring(previous.length() - CONTEXT_CHARS);
        }
        return previous + "\n" + latest;
    }

    /**
     * A stored conversation chunk ("user: ...\n\nassistant: ...") is present when every turn in it is in the
     * request; any other memory when its text is part of some message.
     */
    static boolean alreadyPresent(String memory, Set<String> presentTexts) {
        String[] parts = TURN_START.split(memory);
        List<String> turns = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                turns.add(normalise(p));
            }
        }
        if (TURN_START.matcher(memory).find()) {
            return !turns.isEmpty() && presentTexts.containsAll(turns);
        }
        String m = normalise(memory);
        return presentTexts.stream().anyMatch(p -> p.contains(m));
    }

    static String normalise(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }
}
