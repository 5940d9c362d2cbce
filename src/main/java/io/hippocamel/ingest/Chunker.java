package io.hippocamel.ingest;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into chunks of at most {@code maxTokens} tokens, on sentence and paragraph boundaries where it can, and
 * repeats up to {@code overlapTokens} tokens of whole trailing sentences at the start of the next chunk so that a
 * fact split across a boundary is still found. Sentences longer than a chunk are cut by tokens.
 */
public class Chunker {

    private record Unit(String text, int tokens, boolean paragraphStart) {
    }

    private final Encoding encoding;
    private final int maxTokens;
    private final int overlapTokens;

    public Chunker(Encoding encoding, int maxTokens, int overlapTokens) {
        if (overlapTokens >= maxTokens) {
            throw new IllegalArgumentException("chunk overlap must be smaller than the chunk size");
        }
        this.encoding = encoding;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    /**
     * The same chunker with another chunk size (a tenant's {@code chunkSize} setting); the overlap shrinks to a
     * quarter of the size when it would not fit.
     */
    public Chunker withMaxTokens(int tokens) {
        return tokens == maxTokens ? this : new Chunker(encoding, tokens, Math.min(overlapTokens, tokens / 4));
    }

    public List<String> chunk(String text) {
        List<Unit> units = units(text);
        List<String> chunks = new ArrayList<>();
        List<Unit> current = new ArrayList<>();
        int currentTokens = 0;
        boolean currentHasNew = false;
        for (Unit unit : units) {
            if (currentTokens + unit.tokens() > maxTokens && !current.isEmpty()) {
                if (currentHasNew) {
                    chunks.add(join(current));
                }
                current = overlapTail(current);
                currentTokens = current.stream().mapToInt(Unit::tokens).sum();
                currentHasNew = false;
                while (currentTokens + unit.tokens() > maxTokens && !current.isEmpty()) {
                    currentTokens -= current.remove(0).tokens();
                }
            }
            current.add(unit);
            currentTokens += unit.tokens();
            currentHasNew = true;
        }
        if (currentHasNew) {
            chunks.add(join(current));
        }
        return chunks;
    }

    /** The whole trailing units of a chunk that fit in the overlap budget. */
    private List<Unit> overlapTail(List<Unit> chunk) {
        List<Unit> tail = new ArrayList<>();
        int tokens = 0;
        for (int i = chunk.size() - 1; i >= 0; i--) {
            Unit u = chunk.get(i);
            if (tokens + u.tokens() > overlapTokens) {
                break;
            }
            tail.add(0, u);
            tokens += u.tokens();
        }
        return tail;
    }

    private static String join(List<Unit> units) {
        StringBuilder sb = new StringBuilder();
        for (Unit u : units) {
            if (!sb.isEmpty()) {
                sb.append(u.paragraphStart() ? "\n\n" : " ");
            }
            sb.append(u.text());
        }
        return sb.toString();
    }

    private List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean first = true;
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(p);
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                String sentence = p.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    addSentence(units, sentence, first);
                    first = false;
                }
            }
        }
        return units;
    }

    private void addSentence(List<Unit> units, String sentence, boolean paragraphStart) {
        IntArrayList tokens = encoding.encodeOrdinary(sentence);
        if (tokens.size() <= maxTokens) {
            units.add(new Unit(sentence, tokens.size(), paragraphStart));
            return;
        }
        int step = maxTokens - overlapTokens;
        for (int from = 0; from < tokens.size(); from += step) {
            int to = Math.min(tokens.size(), from + maxTokens);
            IntArrayList slice = new IntArrayList(to - from);
            for (int i = from; i < to; i++) {
                slice.add(tokens.get(i));
            }
            units.add(new Unit(encoding.decode(slice).strip(), to - from, paragraphStart && from == 0));
            if (to == tokens.size()) {
                break;
            }
        }
    }
}
