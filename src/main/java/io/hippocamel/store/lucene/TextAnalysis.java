package io.hippocamel.store.lucene;

import io.hippocamel.store.QueryStopWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

/**
 * The one place that decides how chunk (and memory) text is analysed and scored, for indexing and for queries alike.
 */
public final class TextAnalysis {

    /** BM25 with the parameters the {@code MemoryStore} contract names (Lucene's defaults, stated explicitly). */
    public static final Similarity SIMILARITY = new BM25Similarity(1.2f, 0.75f);

    /**
     * Distinct query terms kept. Lucene rejects queries of more than 1024 clauses; a pasted chat message can have
     * more words than that, and its first few hundred distinct terms rank just as well.
     */
    static final int MAX_QUERY_TERMS = 512;

    private TextAnalysis() {
    }

    /** English stemming and stop words: "running cats" finds "the cat runs". */
    public static Analyzer newAnalyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * A BM25 query for free text: one SHOULD clause per distinct analysed term, boosted by how often the term occurs
     * (scores the same as repeating the clause, as Lucene's query parser would). Free text never goes through a
     * query parser, so user input cannot be a syntax error. Null when nothing is left after analysis.
     */
    public static Query query(Analyzer analyzer, String field, String text) {
        Map<String, Integer> counts = terms(analyzer, field, text);
        if (counts.isEmpty()) {
            return null;
        }
        QueryStopWords.removeFrom(counts);
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
