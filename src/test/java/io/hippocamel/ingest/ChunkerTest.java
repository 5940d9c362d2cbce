package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private static String sentences(int count) {
        return IntStream.range(0, count).mapToObj(i -> "Sentence number " + i + " talks about topic " + i + ".")
                .collect(Collectors.joining(" "));
    }

    @Test
    @DisplayName("a short text is one chunk, unchanged")
    void shortTextIsOneChunk() {
        Chunker chunker = new Chunker(CL100K, 64, 8);
        assertThat(chunker.chunk("Alex likes green tea. He lives in Lyon.")).containsExactly(
                "Alex likes green tea. He lives in Lyon.");
    }

    @Test
    @DisplayName("every chunk stays within the token budget and all sentences are kept, in order")
    void chunksRespectBudgetAndKeepEverything() {
        Chunker chunker = new Chunker(CL100K, 40, 0);
        String text = sentences(30);
        List<String> chunks = chunker.chunk(text);
        assertThat(chunks).hasSizeGreaterThan(5);
        chunks.forEach(c -> assertThat(CL100K.countTokensOrdinary(c)).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    @DisplayName("withMaxTokens gives a chunker of another size, shrinking an overlap that would not fit")
    void withMaxTokens() {
        Chunker large = new Chunker(CL100K, 200, 60);
        List<String> chunks = large.withMaxTokens(40).chunk(sentences(30));
        assertThat(chunks.size()).isGreaterThan(large.chunk(sentences(30)).size());
        chunks.forEach(c -> assertThat(CL100K.countTokensOrdinary(c)).isLessThanOrEqualTo(40));
        assertThat(large.withMaxTokens(200)).isSameAs(large);
    }

    @Test
    @DisplayName("consecutive chunks overlap by whole trailing sentences")
    void chunksOverlap() {
        Chunker chunker = new Chunker(CL100K, 40, 15);
        List<String> chunks = chunker.chunk(sentences(12));
        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1);
            String lastSentence = previous.substring(previous.lastIndexOf("Sentence"));
            assertThat(chunks.get(i)).startsWith(lastSentence);
        }
    }

    @Test
    @DisplayName("a sentence longer than a chunk is cut by tokens")
    void longSentenceIsCut() {
        Chunker chunker = new Chunker(CL100K, 32, 4);
        String longSentence = IntStream.range(0, 200).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
        List<String> chunks = chunker.chunk(longSentence);
        assertThat(chunks).hasSizeGreaterThan(5);
        chunks.forEach(c -> assertThat(CL100K.countTokensOrdinary(c)).isLessThanOrEqualTo(33));
        assertThat(chunks.get(0)).startsWith("word0 word1");
        assertThat(chunks.get(chunks.size() - 1)).endsWith("word199");
    }

    @Test
    @DisplayName("paragraph breaks survive inside a chunk")
    void paragraphsKept() {
        Chunker chunker = new Chunker(CL100K, 200, 0);
        assertThat(chunker.chunk("First paragraph.\n\n\nSecond paragraph.")).containsExactly(
                "First paragraph.\n\nSecond paragraph.");
    }

    @Test
    @DisplayName("overlap must be smaller than the chunk size")
    void rejectsOverlapTooLarge() {
        assertThatThrownBy(() -> new Chunker(CL100K, 32, 32)).isInstanceOf(IllegalArgumentException.class);
    }
}
