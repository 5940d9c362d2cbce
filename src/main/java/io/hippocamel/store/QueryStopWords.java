package io.hippocamel.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * Words that carry no topic in a search query: question words, pronouns, auxiliaries, frequent adverbs. They are kept
 * in the index, so stored text is unchanged, but dropped from BM25 queries: in "What did she do with her dad?" they
 * would otherwise match nearly every chat message and outweigh the one word that matters. Shared by every store, so
 * BM25 ranks alike on each.
 */
public final class QueryStopWords {

    /*
     * Lucene's EnglishAnalyzer.ENGLISH_STOP_WORDS_SET is only 33 articles, conjunctions and prepositions (and the
     * analyser already drops them); the pronouns, question words and auxiliaries are in the Snowball English list
     * that Lucene ships next to its Snowball stemmers. So: that list, less what EnglishAnalyzer drops anyway, less
     * negations and contractions ("not", "cannot", "don't": they change a query's meaning), plus a few frequent
     * auxiliaries and adverbs Snowball lacks.
     */
    private static final List<String> EXTRA = List.of("can", "might", "must", "shall", "whose", "just", "also",
            "ever", "much", "many");

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
        Set<String> words = new HashSet<>(EXTRA);
        try (Reader snowball = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt",
                StandardCharsets.UTF_8)) {
            for (Object word : WordlistLoader.getSnowballWordSet(snowball)) {
                String w = new String((char[]) word);
                if (w.indexOf('\'') < 0 && !w.equals("cannot")
                        && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> terms = new HashSet<>();
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            for (String word : words) {
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
