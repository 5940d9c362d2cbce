package io.hippocamel.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How free-text queries become BM25 queries: question words and pronouns leave a query that has other words. */
class TextAnalysisTest {

    private final Analyzer analyzer = TextAnalysis.newAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    private String terms(String text) {
        Query query = TextAnalysis.query(analyzer, "text", text);
        return query == null ? null : query.toString("text");
    }

    @Test
    @DisplayName("question words, pronouns and auxiliaries are dropped; the topic words stay, stemmed")
    void questionWordsDropped() {
        assertThat(terms("What did she do with her dad when they were kids?")).isEqualTo("dad kid");
        assertThat(terms("When did Caroline go to the LGBTQ support group?"))
                .isEqualTo("carolin go lgbtq support group");
    }

    @Test
    @DisplayName("a query made only of such words keeps them, so it still finds something")
    void onlyQueryStopWordsKept() {
        assertThat(terms("who are you")).isEqualTo("who you");
    }

    @Test
    @DisplayName("words the index drops as stop words are never searched; repeated words weigh more")
    void indexStopWordsAndRepeats() {
        assertThat(terms("the of")).isNull();
        assertThat(terms("tea, more tea")).isEqualTo("(tea)^2.0");
    }
}
