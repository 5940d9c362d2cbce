package io.hippocamel.memory.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.memory.extract.ExtractionInput.Turn;
import io.hippocamel.memory.extract.ExtractionResult.Producer;
import io.hippocamel.testsupport.FakeChatCompletions;
import io.hippocamel.testsupport.FakeChatCompletions.Hang;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The LLM extractor against a scripted OpenAI-compatible server on loopback: answers, bad answers, failures. */
@Timeout(60)
class LlmExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<KnownMemory> KNOWN = List.of(new KnownMemory("m1", "I live in Paris", true),
            new KnownMemory("m2", "I have a cat named Miso", true));
    private static final ExtractionInput CONVERSATION = ExtractionInput.conversation(List.of(
            new Turn("user", "I moved to Berlin last month.", 0),
            new Turn("assistant", "Congratulations! How do you like it?", 1),
            new Turn("user", "My sister Ana is a doctor at the Charite hospital.", 2)), KNOWN);
    private static final String GOOD = """
            {"facts": [
              {"content": "The user moved to Berlin", "isStatic": false, "decision": "updates", "targetId": "m1",
               "temporalContext": "last month", "sources": [0]},
              {"content": "The user's sister Ana is a doctor at the Charite hospital", "isStatic": true,
               "decision": "new", "targetId": null, "temporalContext": null, "sources": [2]}
            ]}""";
    private static final ExtractionInput DOCUMENT = ExtractionInput.document(
            "I live in Berlin with my partner Sam. I work at Acme as a product designer. "
                    + "My favourite food is ramen from the place on Oranienstrasse.", "About me", List.of());

    private final FakeChatCompletions llm = new FakeChatCompletions();
    private final CountDownLatch release = new CountDownLatch(1);
    private final BuiltInExtractor builtIn = new BuiltInExtractor();

    @AfterEach
    void stop() {
        release.countDown();
        llm.close();
    }

    private LlmExtractorSettings settings(Duration timeout, int maxRetries, int maxConcurrent, int breakerWindow) {
        return new LlmExtractorSettings(llm.baseUrl(), "sk-test", "fake-model", timeout, maxRetries,
                Duration.ofMillis(10), Duration.ofSeconds(5), maxConcurrent, Duration.ofMillis(300), 100f,
                breakerWindow, Duration.ofMinutes(10), 1024);
    }

    private LlmExtractor extractor() {
        return new LlmExtractor(settings(Duration.ofSeconds(20), 2, 4, 10), builtIn, JSON);
    }

    @Test
    void goodAnswerGivesFactsWithDecisionsAgainstKnownIdsAndTurnProvenance() {
        llm.then(FakeChatCompletions.answer(GOOD));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(result.producer()).isEqualTo(Producer.LLM);
        assertThat(result.fellBack()).isFalse();
        assertThat(result.facts()).hasSize(2);
        ExtractedFact moved = result.facts().get(0);
        assertThat(moved.content()).isEqualTo("The user moved to Berlin");
        assertThat(moved.decision()).isEqualTo(Decision.UPDATES);
        assertThat(moved.targetId()).isEqualTo("m1");
        assertThat(moved.isStatic()).isFalse();
        assertThat(moved.temporalContext()).isEqualTo("last month");
        assertThat(moved.provenance().turnIndexes()).containsExactly(0);
        ExtractedFact sister = result.facts().get(1);
        assertThat(sister.decision()).isEqualTo(Decision.NEW);
        assertThat(sister.targetId()).isNull();
        assertThat(sister.isStatic()).isTrue();
        assertThat(sister.provenance().turnIndexes()).containsExactly(2);
    }

    @Test
    void requestCarriesModelJsonModeKnownMemoriesTurnsAndAuthorization() {
        llm.then(FakeChatCompletions.answer(GOOD));

        extractor().extract(CONVERSATION);

        assertThat(llm.requests()).hasSize(1);
        FakeChatCompletions.Seen request = llm.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(request.body().path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(request.message("system")).contains("\"facts\"", "targetId", "updates");
        assertThat(request.message("user")).contains("- m1: I live in Paris [static]", "- m2: I have a cat named Miso",
                "[0] user: I moved to Berlin last month.", "[1] assistant: Congratulations!",
                "[2] user: My sister Ana");
    }

    @Test
    void unknownIdsBecomeNewAndMissingFieldsTakeDefaults() {
        llm.then(FakeChatCompletions.answer("""
                {"facts": [
                  {"content": "The user moved to Berlin", "decision": "updates", "targetId": "m999", "sources": [0]},
                  {"content": "The user's sister is a doctor"},
                  {"decision": "new", "targetId": null},
                  {"content": "The user moved from Paris", "decision": "sideways", "targetId": "m1"}
                ]}"""));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(result.fellBack()).isFalse();
        assertThat(result.facts()).extracting(ExtractedFact::content).containsExactly("The user moved to Berlin",
                "The user's sister is a doctor", "The user moved from Paris");
        assertThat(result.facts()).allSatisfy(f -> {
            assertThat(f.decision()).isEqualTo(Decision.NEW);
            assertThat(f.targetId()).isNull();
        });
        ExtractedFact bare = result.facts().get(1);
        assertThat(bare.isStatic()).isFalse();
        assertThat(bare.temporalContext()).isNull();
        assertThat(bare.provenance()).isEqualTo(Provenance.NONE);
    }

    @Test
    void fencedJsonBlockIsRead() {
        llm.then(FakeChatCompletions.answer("Here are the facts:\n```json\n" + GOOD + "\n```\nAnything else?"));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(result.fellBack()).isFalse();
        assertThat(result.facts()).extracting(ExtractedFact::decision).containsExactly(Decision.UPDATES, Decision.NEW);
    }

    @Test
    void cutOffAnswerKeepsCompleteFactsAndTheBuiltInExtractorCoversTheRest() {
        llm.then(FakeChatCompletions.cutOff("""
                {"facts": [{"content": "The user lives in Berlin with their partner Sam", "isStatic": true,
                "decision": "new", "sources": [1]}, {"content": "The user works at Ac"""));

        ExtractionResult result = extractor().extract(DOCUMENT);

        assertThat(result.producer()).isEqualTo(Producer.LLM);
        assertThat(result.fallbackReason()).contains("cut off", "kept 1 facts", "added 2");
        assertThat(result.facts()).extracting(ExtractedFact::content).containsExactly(
                "The user lives in Berlin with their partner Sam", "I work at Acme as a product designer.",
                "My favourite food is ramen from the place on Oranienstrasse.");
        assertThat(result.facts().get(0).provenance().spans()).containsExactly(new Provenance.Span(-1, 0, 37));
    }

    @Test
    void malformedAnswerKeepsTheValidPrefix() {
        llm.then(FakeChatCompletions.answer("""
                {"facts": [{"content": "The user lives in Berlin", "sources": [1],},
                           {"content": "The user works at Acme", "sources": [2]},
                           {"content": oops}]}"""));

        ExtractionResult result = extractor().extract(DOCUMENT);

        assertThat(result.fallbackReason()).contains("malformed", "kept 2 facts", "added 1");
        assertThat(result.facts()).extracting(ExtractedFact::content).containsExactly("The user lives in Berlin",
                "The user works at Acme", "My favourite food is ramen from the place on Oranienstrasse.");
    }

    @Test
    void answerWithoutJsonFallsBackToTheBuiltInExtractor() {
        llm.then(FakeChatCompletions.answer("Sure! The user lives in Berlin and works at Acme."));

        ExtractionResult result = extractor().extract(DOCUMENT);

        assertThat(result.producer()).isEqualTo(Producer.BUILT_IN);
        assertThat(result.fallbackReason()).contains("no facts list");
        assertThat(result.facts()).isEqualTo(builtIn.extract(DOCUMENT).facts()).hasSize(3);
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheServersRetryAfter() {
        llm.then(FakeChatCompletions.status(429, Map.of("Retry-After", "2")), FakeChatCompletions.answer(GOOD));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(result.producer()).isEqualTo(Producer.LLM);
        assertThat(result.fellBack()).isFalse();
        assertThat(result.facts()).hasSize(2);
        List<FakeChatCompletions.Seen> requests = llm.requests();
        assertThat(requests).hasSize(2);
        // the configured backoff is 10 ms: only the server's Retry-After explains two seconds between the attempts
        assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }

    @Test
    void overloadedServersRetryAfterMillisecondsAreHonouredToo() {
        llm.then(FakeChatCompletions.status(503, Map.of("retry-after-ms", "1200")), FakeChatCompletions.answer(GOOD));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(result.fellBack()).isFalse();
        List<FakeChatCompletions.Seen> requests = llm.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1150));
    }

    @Test
    void repeatedServerErrorsAreRetriedThenTheBuiltInExtractorStandsIn() {
        llm.otherwise(FakeChatCompletions.status(500, Map.of()));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(llm.requests()).hasSize(3);
        assertThat(result.producer()).isEqualTo(Producer.BUILT_IN);
        assertThat(result.fallbackReason()).contains("answered 500");
        assertThat(result.facts()).isEqualTo(builtIn.extract(CONVERSATION).facts()).isNotEmpty();
    }

    @Test
    void clientErrorsAreNotRetried() {
        llm.otherwise(FakeChatCompletions.status(401, Map.of()));

        ExtractionResult result = extractor().extract(CONVERSATION);

        assertThat(llm.requests()).hasSize(1);
        assertThat(result.fallbackReason()).contains("answered 401");
        assertThat(result.facts()).isNotEmpty();
    }

    @Test
    void aHangingServerTimesOutIsRetriedAndFallsBack() {
        llm.otherwise(new Hang(release));
        LlmExtractor extractor = new LlmExtractor(settings(Duration.ofSeconds(2), 1, 4, 10), builtIn, JSON);

        ExtractionResult result = extractor.extract(CONVERSATION);

        assertThat(llm.requests()).hasSize(2);
        assertThat(result.producer()).isEqualTo(Producer.BUILT_IN);
        assertThat(result.fallbackReason()).contains("timed out");
        assertThat(result.facts()).isEqualTo(builtIn.extract(CONVERSATION).facts());
    }

    @Test
    void theBreakerOpensAfterFailuresAndLaterInputsSkipTheLlm() {
        llm.otherwise(FakeChatCompletions.status(503, Map.of()));
        LlmExtractor extractor = new LlmExtractor(settings(Duration.ofSeconds(20), 0, 4, 3), builtIn, JSON);

        for (int i = 0; i < 3; i++) {
            assertThat(extractor.extract(CONVERSATION).fallbackReason()).contains("answered 503");
        }
        assertThat(extractor.breakerOpen()).isTrue();
        ExtractionResult skipped = extractor.extract(CONVERSATION);

        assertThat(llm.requests()).hasSize(3);
        assertThat(skipped.producer()).isEqualTo(Producer.BUILT_IN);
        assertThat(skipped.fallbackReason()).isEqualTo("circuit breaker open");
        assertThat(skipped.facts()).isEqualTo(builtIn.extract(CONVERSATION).facts());
    }

    @Test
    void callsBeyondTheConcurrencyLimitFallBackAfterWaitingForASlot() {
        llm.then(new Hang(release)).otherwise(FakeChatCompletions.answer(GOOD));
        LlmExtractor extractor = new LlmExtractor(settings(Duration.ofSeconds(30), 0, 1, 10), builtIn, JSON);
        CompletableFuture<ExtractionResult> first =
                CompletableFuture.supplyAsync(() -> extractor.extract(CONVERSATION));
        await().atMost(Duration.ofSeconds(20)).until(() -> llm.requests().size() == 1);

        ExtractionResult second = extractor.extract(CONVERSATION);

        assertThat(second.fallbackReason()).startsWith("no free LLM slot");
        assertThat(second.facts()).isEqualTo(builtIn.extract(CONVERSATION).facts());
        assertThat(llm.requests()).hasSize(1);
        release.countDown();
        assertThat(first.join().fellBack()).isFalse();
    }

    @Test
    void nothingUserAuthoredNeedsNoCall() {
        ExtractionResult result = extractor().extract(ExtractionInput.conversation(
                List.of(new Turn("assistant", "Hello! How can I help you today?", 0)), KNOWN));

        assertThat(result.facts()).isEmpty();
        assertThat(result.fellBack()).isFalse();
        assertThat(llm.requests()).isEmpty();
    }

    @Test
    void theFactoryPicksTheLlmOnlyWhenABaseUrlIsSet() {
        assertThat(ExtractorFactory.create(null, JSON)).isInstanceOf(BuiltInExtractor.class);
        assertThat(ExtractorFactory.create(LlmExtractorSettings.of(" ", null, "m"), JSON))
                .isInstanceOf(BuiltInExtractor.class);
        assertThat(ExtractorFactory.create(LlmExtractorSettings.of(llm.baseUrl(), null, "m"), JSON))
                .isInstanceOf(LlmExtractor.class);
    }
}
