package io.hippocamel.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/** The one place that decides how chunk text is analysed and scored, for indexing and for queries alike. */
final class TextAnalysis {

    /** BM25 with the parameters the {@code MemoryStore} contract names (Lucene's defaults, stated explicitly). */
    static final Similarity SIMILARITY = new BM25Similarity(1.2f, 0.75f);

    /**
     * Distinct query terms kept. Lucene rejects queries of more than 1024 clauses; a pasted chat message can have
     * more words than that, and its first few hundred distinct terms rank just as well.
     */
    static final int MAX_QUERY_TERMS = 512;

    /**
     * Words that carry no topic in a search query: question words, pronouns, auxiliaries, frequent adverbs (the
     * Snowball English stop list minus what EnglishAnalyzer already drops). They are kept in the index, so stored text
     * is unchanged, but dropped from BM25 queries: in "What did she do with her dad?" they would otherwise match
     * nearly every chat message and outweigh the one word that matters. A query made only of them keeps them.
     */
    private static final List<String> QUERY_STOP_WORDS = List.of(
            "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
            "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "its", "itself", "them",
            "theirs", "themselves", "what", "which", "who", "whom", "whose", "those", "am", "were", "been", "being",
            "have", "has", "had", "having", "do", "does", "did", "doing", "would", "should", "could", "can",
            "might", "must", "shall", "because", "until", "while", "about", "against", "between", "through",
            "during", "before", "after", "above", "below", "from", "up", "down", "out", "off", "over", "under",
            "again", "further", "once", "here", "when", "where", "why", "how", "all", "any", "both", "each", "few",
            "more", "most", "other", "some", "nor", "only", "own", "same", "so", "than", "too", "very", "just",
            "also", "ever", "much", "many");

    /** {@link #QUERY_STOP_WORDS} as the analyser indexes them (lower-cased and stemmed). */
    private static final Set<String> QUERY_STOP_TERMS = analysedStopTerms();

    private TextAnalysis() {
    }

    private static Set<String> analysedStopTerms() {
        try (Analyzer analyzer = newAnalyzer()) {
            Set<String> terms = new HashSet<>();
            QUERY_STOP_WORDS.forEach(w -> terms.addAll(terms(analyzer, "", w).keySet()));
            return Set.copyOf(terms);
        }
    }

    /** English stemming and stop words: "running cats" finds "the cat runs". */
    static Analyzer newAnalyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * A BM25 query for free text: one SHOULD clause per distinct analysed term, boosted by how often the term occurs
     * (scores the same as repeating the clause, as Lucene's query parser would). Free text never goes through a
     * query parser, so user input cannot be a syntax error. Null when nothing is left after analysis.
     */
    static Query query(Analyzer analyzer, String field, String text) {
        Map<String, Integer> counts = terms(analyzer, field, text);
        if (counts.isEmpty()) {
            return null;
        }
        if (!QUERY_STOP_TERMS.containsAll(counts.keySet())) {
            counts.keySet().removeAll(QUERY_STOP_TERMS);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        counts.forEach((t, n) -> {
            Query termQuery = new TermQuery(new Term(field, t));
            query.add(n == 1 ? termQuery : new BoostQuery(termQuery, n), Occur.SHOULD);
        });
        return query.build();
    }

    /** The distinct analysed terms of a text with their counts, in first-seen order (at most MAX_QUERY_TERMS). */
    private static Map<String, Integer> terms(Analyzer analyzer, String field, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                if (counts.containsKey(t) || counts.size() < MAX_QUERY_TERMS) {
                    counts.merge(t, 1, Integer::sum);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }
}
