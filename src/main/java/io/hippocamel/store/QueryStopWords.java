package io.hippocamel.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Words that carry no topic in a search query: question words, pronouns, auxiliaries, frequent adverbs (the Snowball
 * English stop list minus what EnglishAnalyzer already drops). They are kept in the index, so stored text is
 * unchanged, but dropped from BM25 queries: in "What did she do with her dad?" they would otherwise match nearly
 * every chat message and outweigh the one word that matters. Shared by every store, so BM25 ranks alike on each.
 */
public final class QueryStopWords {

    private static final List<String> WORDS = List.of(
            "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
            "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "its", "itself", "them",
            "theirs", "themselves", "what", "which", "who", "whom", "whose", "those", "am", "were", "been", "being",
            "have", "has", "had", "having", "do", "does", "did", "doing", "would", "should", "could", "can",
            "might", "must", "shall", "because", "until", "while", "about", "against", "between", "through",
            "during", "before", "after", "above", "below", "from", "up", "down", "out", "off", "over", "under",
            "again", "further", "once", "here", "when", "where", "why", "how", "all", "any", "both", "each", "few",
            "more", "most", "other", "some", "nor", "only", "own", "same", "so", "than", "too", "very", "just",
            "also", "ever", "much", "many");

    /** The words as the English analyser indexes them (lower-cased and stemmed). */
    private static final Set<String> TERMS = analysed();

    private QueryStopWords() {
    }

    /**
     * Removes the stop terms from a query's analysed term counts (EnglishAnalyzer terms), unless nothing else would
     * be left: a query made only of them keeps them.
     */
    public static void removeFrom(Map<String, Integer> analysedTermCounts) {
        if (!TERMS.containsAll(analysedTermCounts.keySet())) {
            analysedTermCounts.keySet().removeAll(TERMS);
        }
    }

    private static Set<String> analysed() {
        Set<String> terms = new HashSet<>();
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            for (String word : WORDS) {
                try (TokenStream tokens = analyzer.tokenStream("", word)) {
                    CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                    tokens.reset();
                    while (tokens.incrementToken()) {
                        terms.add(term.toString());
                    }
                    tokens.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(terms);
    }
}
