package io.hippocamel.memory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.memory.extract.ExtractionInput.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in extractor on real dialogue: the first LoCoMo conversation (shared/data, read only), each speaker's
 * turns as user-authored text under the speaker's name.
 */
class BuiltInExtractorLocomoTest {

    private static final Path LOCOMO = Path.of("..", "shared", "data", "locomo", "locomo-dev.json");

    private static List<Turn> turns;
    private static Map<String, Integer> turnOfDialogId;
    private static JsonNode sample;

    @BeforeAll
    static void load() throws IOException {
        // the evaluation data sits beside the checkout (CI copies shared/ there): missing, the test fails, never skips
        if (!Files.isRegularFile(LOCOMO)) {
            throw new IllegalStateException("LoCoMo development split not found at " + LOCOMO.toAbsolutePath()
                    + ": the tests need ../shared/data next to the project");
        }
        sample = new ObjectMapper().readTree(LOCOMO.toFile()).get(0);
        JsonNode conversation = sample.get("conversation");
        turns = new ArrayList<>();
        turnOfDialogId = new HashMap<>();
        for (int session = 1; conversation.has("session_" + session); session++) {
            for (JsonNode turn : conversation.get("session_" + session)) {
                turnOfDialogId.put(turn.get("dia_id").asText(), turns.size());
                turns.add(new Turn(turn.get("speaker").asText(), turn.get("text").asText(), turns.size()));
            }
        }
    }

    private final BuiltInExtractor extractor = new BuiltInExtractor();

    private List<ExtractedFact> factsOf(ExtractionResult result, String dialogId) {
        int turn = turnOfDialogId.get(dialogId);
        return result.facts().stream().filter(f -> f.provenance().turnIndexes().contains(turn)).toList();
    }

    @Test
    void greetingsAndQuestionsGiveNothingAndEventsBecomeDatedFacts() {
        ExtractionResult result = extractor.extract(ExtractionInput.conversation(turns.subList(0, 20), List.of()));

        // "Hey Mel! Good to see you! How have you been?"
        assertThat(factsOf(result, "D1:1")).isEmpty();
        // "Wow, that's cool, Caroline! What happened that was so awesome? Did you hear any inspiring stories?"
        assertThat(factsOf(result, "D1:4")).isEmpty();
        // "I went to a LGBTQ support group yesterday and it was so powerful."
        assertThat(factsOf(result, "D1:3")).singleElement().satisfies(f -> {
            assertThat(f.content()).startsWith("I went to a LGBTQ support group yesterday");
            assertThat(f.temporalContext()).isEqualTo("yesterday");
            assertThat(f.isStatic()).isFalse();
            assertThat(f.decision()).isEqualTo(Decision.NEW);
        });
        // "You'd be a great counselor! Your empathy ... By the way, take a look at this." is about the other speaker
        assertThat(factsOf(result, "D1:12")).isEmpty();
    }

    @Test
    void mostEvidenceTurnsOfTheQuestionsYieldAFact() {
        ExtractionResult result = extractor.extract(ExtractionInput.conversation(turns, List.of()));
        Set<Integer> withFacts = new HashSet<>();
        result.facts().forEach(f -> withFacts.addAll(f.provenance().turnIndexes()));
        int evidence = 0;
        int covered = 0;
        for (JsonNode qa : sample.get("qa")) {
            for (JsonNode id : qa.path("evidence")) {
                Integer turn = turnOfDialogId.get(id.asText().replace("D:", "D"));
                if (turn != null) {
                    evidence++;
                    covered += withFacts.contains(turn) ? 1 : 0;
                }
            }
        }

        assertThat(evidence).isGreaterThan(100);
        assertThat(covered / (double) evidence).as("share of evidence turns with a fact").isGreaterThan(0.85);
        // small talk is filtered: fewer facts than turns
        assertThat(result.facts().size()).isLessThan(turns.size() * 2).isGreaterThan(turns.size() / 2);
        System.out.printf("LoCoMo conv 0: %d turns, %d facts, %d/%d evidence turns with a fact%n", turns.size(),
                result.facts().size(), covered, evidence);
    }
}
