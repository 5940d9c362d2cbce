package io.hippocamel.store.elasticsearch;

import io.hippocamel.store.QueryStopWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis of chunk (and memory) text done here, not in Elasticsearch: a cluster without the
 * {@code english} analyzer (the embedded node has none) still stems, and BM25 sees exactly the terms the Lucene store indexes. Chunks are
 * indexed as their analysed terms joined by spaces into a whitespace-analysed field; queries become term clauses.
 */
public final class EsText {

    /** Distinct query terms kept, as in the Lucene store: a pasted chat message ranks as well by its first few. */
    static final int MAX_QUERY_TERMS = 512;

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private EsText() {
    }

    /** The analysed terms of a chunk, space-separated (analysed terms never contain whitespace). */
    public static String indexTerms(String text) {
        return String.join(" ", tokens(text == null ? "" : text));
    }

    /** Distinct analysed query terms with how often each occurs; empty when only stop words (or nothing) remain. */
    public static Map<String, Integer> queryTerms(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : tokens(text)) {
            if (counts.containsKey(t) || counts.size() < MAX_QUERY_TERMS) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        QueryStopWords.removeFrom(counts); // as the Lucene store does, so both rank alike
        return counts;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
