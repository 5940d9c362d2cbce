package io.hippocamel.memory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.memory.extract.ExtractionInput.Turn;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The built-in extractor: which sentences become facts, how they relate to known memories, static vs dynamic. */
class BuiltInExtractorTest {

    private final BuiltInExtractor extractor = new BuiltInExtractor();

    private List<ExtractedFact> document(String text, KnownMemory... known) {
        ExtractionResult result = extractor.extract(ExtractionInput.document(text, null, List.of(known)));
        assertThat(result.producer()).isEqualTo(ExtractionResult.Producer.BUILT_IN);
        assertThat(result.fellBack()).isFalse();
        return result.facts();
    }

    private ExtractedFact only(String text, KnownMemory... known) {
        List<ExtractedFact> facts = document(text, known);
        assertThat(facts).hasSize(1);
        return facts.get(0);
    }

    @Test
    void informativeSentencesBecomeFactsButQuestionsGreetingsAndFillerDoNot() {
        List<ExtractedFact> facts = document("""
                Hi there! Thanks so much. I'm a nurse at St. Mary's hospital in Leeds. What do you think?
                Ok. By the way, I'm allergic to peanuts. Can you write me a poem about cats? Wow, cool!
                You would love the new bakery downtown.""");

        assertThat(facts).extracting(ExtractedFact::content)
                .containsExactly("I'm a nurse at St. Mary's hospital in Leeds.", "I'm allergic to peanuts.");
        assertThat(facts).allSatisfy(f -> assertThat(f.decision()).isEqualTo(Decision.NEW));
    }

    @Test
    void veryShortAndOverlongFragmentsAreSkipped() {
        String overlong = "I like " + String.join(", ", IntStream.range(0, 70).mapToObj(i -> "thing" + i).toList());

        assertThat(document("Berlin rocks. " + overlong + ".")).isEmpty();
    }

    @Test
    void listItemsAndLinesAreSentencesWithOffsetsIntoTheText() {
        String text = "About me\n\n- I play the cello in a community orchestra\n- My partner Sam teaches maths";

        List<ExtractedFact> facts = document(text);

        assertThat(facts).extracting(ExtractedFact::content).containsExactly(
                "I play the cello in a community orchestra", "My partner Sam teaches maths");
        Provenance.Span span = facts.get(1).provenance().spans().get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("My partner Sam teaches maths");
        assertThat(span.turn()).isEqualTo(-1);
        assertThat(facts.get(1).provenance().turnIndexes()).isEmpty();
    }

    @Test
    void inConversationsOnlyUserTurnsCountAndProvenanceNamesTheTurn() {
        List<Turn> turns = List.of(
                new Turn("system", "You are a helpful assistant who remembers things.", 0),
                new Turn("user", "Hello! I started a new job as a data engineer at Spotify this week.", 1),
                new Turn("assistant", "Congratulations! You must be working with huge datasets every day.", 2),
                new Turn("user", "Yes. What should I learn first?", 3));

        ExtractionResult result = extractor.extract(ExtractionInput.conversation(turns, List.of()));

        assertThat(result.facts()).hasSize(1);
        ExtractedFact fact = result.facts().get(0);
        assertThat(fact.content()).isEqualTo("I started a new job as a data engineer at Spotify this week.");
        assertThat(fact.provenance().turnIndexes()).containsExactly(1);
        Provenance.Span span = fact.provenance().spans().get(0);
        assertThat(turns.get(1).content().substring(span.start(), span.end())).isEqualTo(fact.content());
        assertThat(fact.isStatic()).isFalse();
        assertThat(fact.temporalContext()).isEqualTo("this week");
    }

    @Test
    void nearDuplicatesOfKnownMemoriesAreDuplicates() {
        KnownMemory known = new KnownMemory("m1", "I live in Berlin now.", true);

        ExtractedFact fact = only("I live in Berlin.", known);

        assertThat(fact.decision()).isEqualTo(Decision.DUPLICATE);
        assertThat(fact.targetId()).isEqualTo("m1");
    }

    @Test
    void duplicatesWithinOneInputMergeIntoTheFirstFact() {
        List<Turn> turns = List.of(new Turn("user", "I have two kids, Maya and Leo.", 0),
                new Turn("user", "Like I said, I have two kids: Maya and Leo!", 4));

        ExtractionResult result = extractor.extract(ExtractionInput.conversation(turns, List.of()));

        assertThat(result.facts()).hasSize(1);
        assertThat(result.facts().get(0).provenance().turnIndexes()).containsExactly(0, 4);
    }

    @Test
    void aNewValueOfASingleValuedRelationUpdatesTheOldMemory() {
        KnownMemory paris = new KnownMemory("m1", "I live in Paris", true);
        KnownMemory blue = new KnownMemory("m2", "Alex's favourite colour is blue.", true);
        KnownMemory google = new KnownMemory("m3", "Alex works at Google.", true);

        assertThat(only("I live in Berlin now.", paris, blue, google))
                .extracting(ExtractedFact::decision, ExtractedFact::targetId).containsExactly(Decision.UPDATES, "m1");
        assertThat(only("I moved to Berlin in March.", paris, blue, google))
                .extracting(ExtractedFact::decision, ExtractedFact::targetId).containsExactly(Decision.UPDATES, "m1");
        assertThat(only("Alex's favorite color is green.", paris, blue, google))
                .extracting(ExtractedFact::decision, ExtractedFact::targetId).containsExactly(Decision.UPDATES, "m2");
        assertThat(only("Alex works for Stripe.", paris, blue, google))
                .extracting(ExtractedFact::decision, ExtractedFact::targetId).containsExactly(Decision.UPDATES, "m3");
    }

    @Test
    void preferencesAddUpButAContradictionUpdates() {
        KnownMemory tea = new KnownMemory("m1", "I like green tea.", true);

        assertThat(only("I like black coffee.", tea).decision()).isEqualTo(Decision.NEW);
        assertThat(only("I don't like green tea anymore.", tea))
                .extracting(ExtractedFact::decision, ExtractedFact::targetId).containsExactly(Decision.UPDATES, "m1");
    }

    @Test
    void moreDetailAboutAKnownMemoryExtendsIt() {
        KnownMemory dog = new KnownMemory("m1", "I have a dog named Rex.", true);

        ExtractedFact fact = only("I have a dog named Rex who loves swimming in the lake.", dog);

        assertThat(fact.decision()).isEqualTo(Decision.EXTENDS);
        assertThat(fact.targetId()).isEqualTo("m1");
    }

    @Test
    void differentSubjectsDoNotUpdateEachOther() {
        KnownMemory alex = new KnownMemory("m1", "Alex lives in Paris.", true);

        assertThat(only("Jordan lives in Rome.", alex).decision()).isEqualTo(Decision.NEW);
    }

    @Test
    void lastingTraitsAreStaticAndTimeBoundContextIsDynamic() {
        assertThat(only("My name is Sam Okafor.").isStatic()).isTrue();
        assertThat(only("I always take the train to work.").isStatic()).isTrue();
        assertThat(only("I prefer window seats on long flights.").isStatic()).isTrue();
        ExtractedFact migration = only("I'm currently working on a migration to Kotlin.");
        assertThat(migration.isStatic()).isFalse();
        assertThat(migration.temporalContext()).isEqualTo("currently");
        ExtractedFact hike = only("Yesterday I went hiking in the Alps with my brother.");
        assertThat(hike.isStatic()).isFalse();
        assertThat(hike.temporalContext()).isEqualTo("Yesterday");
        ExtractedFact wedding = only("We got married on 12 June 2021 in Lisbon.");
        assertThat(wedding.isStatic()).isFalse();
        assertThat(wedding.temporalContext()).isEqualTo("on 12 June 2021");
    }

    @Test
    void theSameInputGivesTheSameResultFromManyThreads() {
        ExtractionInput input = ExtractionInput.document("I live in Berlin. I work at Acme as a designer. "
                + "My favourite food is ramen. Last week I ran a half marathon.", null,
                List.of(new KnownMemory("m1", "I live in Paris", true)));
        ExtractionResult expected = extractor.extract(input);

        List<CompletableFuture<ExtractionResult>> runs = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> extractor.extract(input))).toList();

        assertThat(expected.facts()).hasSize(4);
        assertThat(runs).allSatisfy(run -> assertThat(run.join()).isEqualTo(expected));
    }

    @Test
    void nothingToLearnGivesNoFacts() {
        assertThat(document("")).isEmpty();
        assertThat(extractor.extract(ExtractionInput.conversation(List.of(), List.of())).facts()).isEmpty();
    }
}
