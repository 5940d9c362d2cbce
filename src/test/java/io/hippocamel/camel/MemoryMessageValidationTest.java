package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Headers and bodies are validated per message with the API's rules; a refused message stores nothing. */
class MemoryMessageValidationTest extends MemoryCamelTestSupport {

    private Exception failure(String uri, Object body, String header, Object value) {
        var t = template.to(uri).withBody(body);
        if (header != null) {
            t.withHeader(header, value);
        }
        Exchange out = t.send();
        return out.getException();
    }

    private int documentsIn(String tag) {
        return post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"]}").json().get("pagination")
                .get("totalItems").asInt();
    }

    @Test
    @DisplayName("bad headers are refused by name and nothing is stored")
    void headers() {
        String tag = uniqueTag("headers");
        String add = "memory:add?containerTag=" + tag;
        assertThat(failure(add, "text", MemoryConstants.CONTAINER_TAG, "no spaces allowed"))
                .isInstanceOf(InvalidMemoryRequestException.class)
                .hasMessageStartingWith("HippocamelContainerTag header must be 1-100 characters");
        assertThat(failure(add, "text", MemoryConstants.CUSTOM_ID, "a b"))
                .hasMessageStartingWith("HippocamelCustomId header: customId must be");
        assertThat(failure(add, "text", MemoryConstants.METADATA, Map.of("nested", Map.of("x", 1))))
                .hasMessageStartingWith("HippocamelMetadata header: metadata.nested must be a string, number");
        assertThat(failure(add, "text", MemoryConstants.METADATA, "{not json"))
                .hasMessageStartingWith("HippocamelMetadata header is not valid JSON");
        assertThat(failure("memory:search", "query", MemoryConstants.LIMIT, 0))
                .hasMessage("HippocamelLimit header must be between 1 and 100");
        assertThat(failure("memory:search", "query", MemoryConstants.THRESHOLD, "high"))
                .hasMessage("HippocamelThreshold header must be a number between 0 and 1");
        assertThat(failure("memory:get", null, MemoryConstants.DOCUMENT_ID, "../etc/passwd"))
                .hasMessageStartingWith("HippocamelDocumentId header: customId must be");
        assertThat(documentsIn(tag)).isZero();
    }

    @Test
    @DisplayName("bodies memory:add cannot store are refused with what it accepts")
    void bodies() {
        String tag = uniqueTag("bodies");
        String add = "memory:add?containerTag=" + tag;
        assertThat(failure(add, "   ", null, null)).hasMessage("the message body must not be empty");
        assertThat(failure(add, null, null, null)).hasMessageStartingWith("memory:add needs a message body");
        assertThat(failure(add, 42, null, null)).hasMessageStartingWith(
                "memory:add cannot store a body of type java.lang.Integer");
        assertThat(failure(add, Map.of("content", "x", "title", "y"), null, null))
                .hasMessageStartingWith("memory:add body key 'title' is not known");
        assertThat(failure(add, Map.of("metadata", Map.of()), null, null))
                .hasMessage("memory:add body key 'content' must be a string");
        assertThat(failure(add, new byte[6 * 1024 * 1024], null, null))
                .hasMessage("the file upload is larger than 5242880 bytes (hippocamel.ingest.max-file-size)");
        assertThat(failure(add, new byte[0], null, null)).hasMessage("the file upload is empty");
        assertThat(failure("memory:search", "", null, null))
                .hasMessage("memory:search needs the query as the message body");
        assertThat(failure("memory:delete", null, null, null)).hasMessage("memory:delete needs a document: set the"
                + " HippocamelDocumentId or HippocamelCustomId header, or the customId option");
        assertThat(documentsIn(tag)).isZero();
    }
}
