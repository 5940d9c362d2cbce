package io.hippocamel.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.StoredDocument;
import io.hippocamel.store.MemoryStore;
import io.hippocamel.store.lucene.LuceneMemoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context a chunk is embedded and matched with: title, chosen metadata, the previous message of its thread. */
class ChunkContextTest {

    private static final Instant T0 = Instant.parse("2025-05-08T13:56:00Z");

    @TempDir
    Path dir;

    private MemoryStore store;
    private ChunkContext context;

    @BeforeEach
    void open() {
        store = new LuceneMemoryStore(dir, 4);
        context = new ChunkContext(store, List.of("date", "speaker"), List.of("session"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredDocument doc(String id, String tag, String content, String title, Map<String, Object> metadata,
                               int secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        StoredDocument d = new StoredDocument(id, "tenant", tag, null, content, title, "text", null, "api", null,
                null, metadata, DocumentStatus.QUEUED, null, 1, 0, at, at);
        store.putDocument(d);
        return d;
    }

    @Test
    @DisplayName("the header holds the title and the chosen metadata the text does not already say; "
            + "only it goes into the embedded text")
    void header() {
        StoredDocument d = doc("d1", "tag", "Caroline: I went to a support group yesterday.", "Chat with Mel",
                Map.of("Date", "8 May 2023", "speaker", "Caroline", "mood", "happy"), 0);

        List<ChunkContext.Context> contexts = context.contexts(d, List.of("I went to a support group yesterday."));

        assertThat(contexts).singleElement().satisfies(c -> {
            assertThat(c.header()).isEqualTo("Chat with Mel\nDate: 8 May 2023");
            assertThat(c.previous()).isNull();
            assertThat(c.indexed()).isEqualTo(c.header());
            assertThat(c.embeddingText("chunk")).isEqualTo("Chat with Mel\nDate: 8 May 2023\nchunk");
        });
    }

    @Test
    @DisplayName("no title and no chosen metadata: no context, the chunk is embedded alone")
    void none() {
        StoredDocument d = doc("d1", "tag", "plain note", null, Map.of("mood", "happy"), 0);

        assertThat(context.contexts(d, List.of("plain note"))).singleElement().satisfies(c -> {
            assertThat(c.indexed()).isNull();
            assertThat(c.embeddingText("plain note")).isEqualTo("plain note");
        });
    }

    @Test
    @DisplayName("a message of a thread is matched with the end of the message before it, in its own tag and "
            + "thread only, and only at the document's start")
    void previousMessageOfTheThread() {
        doc("m1", "tag", "Mel: how are your pets?", null, Map.of("session", 1), 0);
        doc("other-thread", "tag", "Jon: what about lunch?", null, Map.of("session", 2), 1);
        doc("other-tag", "tag-b", "Ann: anything new?", null, Map.of("session", 1), 2);
        StoredDocument reply = doc("m2", "tag", "Caroline: we got another cat", null, Map.of("session", 1), 3);
        doc("m3", "tag", "Mel: lovely!", null, Map.of("session", 1), 4); // added later, e.g. in the same batch

        List<ChunkContext.Context> contexts = context.contexts(reply, List.of("first chunk", "second chunk"));

        assertThat(contexts).extracting(ChunkContext.Context::indexed)
                .containsExactly("Mel: how are your pets?", null);
        assertThat(contexts.get(0).embeddingText("first chunk")).isEqualTo("first chunk");
    }

    @Test
    @DisplayName("the first message of a thread, or a document without a thread key, has no previous message")
    void noPreviousMessage() {
        StoredDocument first = doc("m1", "tag", "Mel: hi!", null, Map.of("session", 1), 0);
        StoredDocument loose = doc("n1", "tag", "a note", null, Map.of(), 1);

        assertThat(context.contexts(first, List.of("Mel: hi!")).get(0).previous()).isNull();
        assertThat(context.contexts(loose, List.of("a note")).get(0).previous()).isNull();
    }

    @Test
    @DisplayName("a long previous message contributes only its end")
    void longPreviousMessage() {
        doc("m1", "tag", "x".repeat(1000) + " how are your pets?", null, Map.of("session", "s"), 0);
        StoredDocument reply = doc("m2", "tag", "fine", null, Map.of("session", "s"), 1);

        String previous = context.contexts(reply, List.of("fine")).get(0).previous();

        assertThat(previous).hasSize(ChunkContext.PREVIOUS_MESSAGE_CHARS).endsWith("how are your pets?");
    }
}
