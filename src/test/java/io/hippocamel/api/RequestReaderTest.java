package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.tenancy.InvalidRequestException;
import io.hippocamel.tenancy.RequestRules;
import io.hippocamel.core.DocumentSort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final RequestReader reader = new RequestReader(json);

    private JsonNode node(String s) {
        return reader.object(s);
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ApiException e) {
            return e.status();
        } catch (InvalidRequestException e) {
            return ApiErrorMapper.toResponse(e).status(); // a shared rule, answered as the API answers it
        }
    }

    @Test
    @DisplayName("malformed JSON and non-object bodies are 400s")
    void malformedJson() {
        assertThatThrownBy(() -> reader.object("{\"content\": ")).isInstanceOf(ApiException.class)
                .hasMessage("Malformed JSON");
        assertThat(status(() -> reader.object("[1,2]"))).isEqualTo(400);
        assertThat(reader.object("").isObject()).isTrue();
    }

    @Test
    @DisplayName("containerTag, legacy containerTags and user_id all become container tags")
    void containerTags() {
        assertThat(RequestReader.containerTags(node("{\"containerTag\":\"a\"}"))).containsExactly("a");
        assertThat(RequestReader.containerTags(node("{\"containerTags\":[\"a\",\"b\",\"a\"]}")))
                .containsExactly("a", "b");
        assertThat(RequestReader.containerTags(node("{\"user_id\":\"user-1\"}"))).containsExactly("user-1");
        assertThat(RequestReader.documentTag(node("{}"), null)).isEqualTo("sm_project_default");
        assertThat(RequestReader.documentTag(node("{}"), "batch-default")).isEqualTo("batch-default");
        assertThat(RequestReader.documentTag(node("{\"containerTag\":\"org:acme:user_1.x\"}"), null))
                .isEqualTo("org:acme:user_1.x");
    }

    @Test
    @DisplayName("bad container tags are 400s naming the field")
    void badContainerTags() {
        assertThatThrownBy(() -> RequestReader.containerTags(node("{\"containerTag\":\"has space\"}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("containerTag");
        assertThat(status(() -> RequestReader.containerTags(node("{\"containerTag\":\"has space\"}"))))
                .isEqualTo(400);
        assertThat(status(() -> RequestReader.containerTags(node("{\"containerTag\":\"" + "x".repeat(101) + "\"}"))))
                .isEqualTo(400);
        assertThat(status(() -> RequestReader.containerTags(node("{\"containerTags\":\"notarray\"}"))))
                .isEqualTo(400);
        assertThat(status(() -> RequestReader.containerTags(node("{\"containerTag\":42}")))).isEqualTo(400);
    }

    @Test
    @DisplayName("metadata accepts flat string/number/boolean/string[] values only")
    void metadata() {
        Map<String, Object> m = RequestRules.metadata(
                node("{\"m\":{\"s\":\"x\",\"i\":3,\"d\":2.5,\"b\":true,\"tags\":[\"a\",\"b\"]}}").get("m"), false);
        assertThat(m).containsEntry("s", "x").containsEntry("i", 3L).containsEntry("d", 2.5)
                .containsEntry("b", true).containsEntry("tags", List.of("a", "b"));
        assertThat(status(() -> RequestRules.metadata(node("{\"m\":{\"o\":{\"x\":1}}}").get("m"), false)))
                .isEqualTo(400);
        assertThat(status(() -> RequestRules.metadata(node("{\"m\":{\"a\":[1,2]}}").get("m"), false)))
                .isEqualTo(400);
        assertThat(status(() -> RequestRules.metadata(node("{\"m\":{\"bad key\":1}}").get("m"), false)))
                .isEqualTo(400);
        assertThat(status(() -> RequestRules.metadata(node("{\"m\":{\"k\":null}}").get("m"), false)))
                .isEqualTo(400);
        assertThat(RequestRules.metadata(node("{\"m\":{\"k\":null}}").get("m"), true)).containsKey("k");
        assertThat(reader.metadataFromString("{\"k\":\"v\"}")).containsEntry("k", "v");
        assertThat(status(() -> reader.metadataFromString("{oops"))).isEqualTo(400);
    }

    @Test
    @DisplayName("numbers accept digit strings and enforce ranges")
    void integers() {
        assertThat(RequestRules.integer(node("{\"limit\":\"25\"}"), "limit", 10, 1, 100)).isEqualTo(25);
        assertThat(RequestRules.integer(node("{}"), "limit", 10, 1, 100)).isEqualTo(10);
        assertThat(status(() -> RequestRules.integer(node("{\"limit\":0}"), "limit", 10, 1, 100))).isEqualTo(400);
        assertThat(status(() -> RequestRules.integer(node("{\"limit\":\"ten\"}"), "limit", 10, 1, 100)))
                .isEqualTo(400);
        assertThat(status(() -> RequestRules.fraction(node("{\"t\":1.5}"), "t", 0))).isEqualTo(400);
    }

    @Test
    @DisplayName("content is required, non-blank and bounded; oversize is a 413")
    void content() {
        assertThat(status(() -> RequestReader.content(node("{}"), 10))).isEqualTo(400);
        assertThat(status(() -> RequestReader.content(node("{\"content\":\"  \"}"), 10))).isEqualTo(400);
        assertThat(status(() -> RequestReader.content(node("{\"content\":5}"), 10))).isEqualTo(400);
        assertThat(status(() -> RequestReader.content(node("{\"content\":\"12345678901\"}"), 10))).isEqualTo(413);
    }

    @Test
    @DisplayName("sort and order default to newest first and reject unknown values")
    void sort() {
        assertThat(RequestReader.sort(node("{}"))).isEqualTo(DocumentSort.NEWEST_FIRST);
        assertThat(RequestReader.sort(node("{\"sort\":\"updatedAt\",\"order\":\"asc\"}")))
                .isEqualTo(new DocumentSort(DocumentSort.Field.UPDATED_AT, false));
        assertThat(status(() -> RequestReader.sort(node("{\"sort\":\"title\"}")))).isEqualTo(400);
    }

    @Test
    @DisplayName("customId allows letters, digits and -_:. up to 255 characters")
    void customIds() {
        assertThat(RequestRules.customId("conv:2024-01.user_7")).isEqualTo("conv:2024-01.user_7");
        assertThat(RequestRules.customId((String) null)).isNull();
        assertThat(status(() -> RequestRules.customId("has space"))).isEqualTo(400);
        assertThat(status(() -> RequestRules.customId("a/b"))).isEqualTo(400);
        assertThat(status(() -> RequestRules.customId(""))).isEqualTo(400);
        assertThat(status(() -> RequestRules.customId("x".repeat(256)))).isEqualTo(400);
    }

    @Test
    @DisplayName("trailing data after the JSON value is malformed; a nested object field of another type is a 400")
    void strictBodies() {
        assertThatThrownBy(() -> reader.object("{\"q\":\"x\"}}")).isInstanceOf(ApiException.class)
                .hasMessage("Malformed JSON");
        assertThat(status(() -> reader.object("{\"q\":\"x\"} {\"q\":\"y\"}"))).isEqualTo(400);
        assertThat(reader.object("{\"q\":\"x\"}  \n").get("q").asText()).isEqualTo("x");

        assertThat(RequestReader.object(node("{}"), "include").isEmpty()).isTrue();
        assertThat(RequestReader.object(node("{\"include\":{\"documents\":true}}"), "include").get("documents")
                .booleanValue()).isTrue();
        assertThatThrownBy(() -> RequestReader.object(node("{\"include\":[\"documents\"]}"), "include"))
                .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).details())
                .isEqualTo("include must be an object");
        assertThatThrownBy(() -> RequestRules.bool(node("{\"documents\":1}"), "documents", "include.documents",
                false)).isInstanceOf(InvalidRequestException.class).hasMessage("include.documents must be a boolean");
    }
}
