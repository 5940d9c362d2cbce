package io.hippocamel.memory.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading a model's JSON as far as it is valid. */
class LenientJsonTest {

    @Test
    void validJsonIsReadWholeEvenWithProseAroundIt() {
        LenientJson.Parsed parsed = LenientJson.parse("Sure: {\"facts\": [{\"content\": \"a\"}]} Hope this helps.");

        assertThat(parsed.complete()).isTrue();
        assertThat(parsed.root().path("facts").get(0).path("content").asText()).isEqualTo("a");
    }

    @Test
    void theFirstFencedBlockIsRead() {
        LenientJson.Parsed parsed = LenientJson.parse("```json\n[{\"content\": \"a\"}]\n```\n```json\n{}\n```");

        assertThat(parsed.complete()).isTrue();
        assertThat(parsed.root().isArray()).isTrue();
        assertThat(parsed.root()).hasSize(1);
    }

    @Test
    void trailingCommasSingleQuotesAndCommentsAreAccepted() {
        LenientJson.Parsed parsed = LenientJson.parse("{'facts': [{content: 'a', /* why */ 'sources': [1,],},]}");

        assertThat(parsed.complete()).isTrue();
        assertThat(parsed.root().path("facts").get(0).path("sources").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void aCutOffAnswerKeepsTheClosedElementsAndDropsTheOpenOne() {
        LenientJson.Parsed parsed = LenientJson.parse(
                "{\"facts\": [{\"content\": \"a\", \"sources\": [1]}, {\"content\": \"b\", \"sources\": [2");

        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.root().path("facts")).hasSize(1);
        assertThat(parsed.root().path("facts").get(0).path("content").asText()).isEqualTo("a");
    }

    @Test
    void aBrokenValueEndsTheReadingThere() {
        LenientJson.Parsed parsed = LenientJson.parse("{\"facts\": [{\"content\": \"a\"}, {\"content\": nope}]}");

        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.root().path("facts")).hasSize(1);
    }

    @Test
    void textWithoutJsonGivesNothing() {
        assertThat(LenientJson.parse("I could not find any facts.").root()).isNull();
        assertThat(LenientJson.parse(null).root()).isNull();
    }
}
