package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hippocamel.core.DocumentStatus;
import io.hippocamel.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** memory:add stores every kind of body through the normal pipeline, labelled by options and headers. */
class MemoryAddTest extends MemoryCamelTestSupport {

    @Test
    @DisplayName("a String body becomes a text document with the endpoint's tag, customId and metadata")
    void textWithOptions() {
        String tag = uniqueTag("add-text");
        Exchange out = template.to("memory:add?containerTag=" + tag + "&customId=note-" + tag
                        + "&metadata.source=crm&metadata.team=core")
                .withBody("Priya negotiated a three-year contract with Nordwind Logistics.").send();

        assertThat(out.getException()).isNull();
        MemoryAddResult result = out.getMessage().getBody(MemoryAddResult.class);
        assertThat(result.status()).isEqualTo(DocumentStatus.QUEUED);
        assertThat(out.getMessage().getHeader(MemoryConstants.DOCUMENT_ID)).isEqualTo(result.id());
        assertThat(out.getMessage().getHeader(MemoryConstants.DOCUMENT_STATUS)).isEqualTo("queued");

        JsonNode doc = awaitDone(result.id());
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(tag);
        assertThat(doc.get("customId").asText()).isEqualTo("note-" + tag);
        assertThat(doc.get("metadata").get("source").asText()).isEqualTo("crm");
        assertThat(doc.get("metadata").get("team").asText()).isEqualTo("core");
        assertThat(doc.get("source").asText()).isEqualTo("api");
        assertThat(doc.get("content").asText()).contains("Nordwind Logistics");
    }

    @Test
    @DisplayName("headers override the endpoint's tag and customId, and their metadata wins key by key")
    void headersOverrideOptions() {
        String optionTag = uniqueTag("add-option");
        String headerTag = uniqueTag("add-header");
        MemoryAddResult result = template.to("memory:add?containerTag=" + optionTag
                        + "&customId=from-option&metadata.source=crm&metadata.team=core")
                .withHeader(MemoryConstants.CONTAINER_TAG, headerTag)
                .withHeader(MemoryConstants.CUSTOM_ID, "from-header-" + headerTag)
                .withHeader(MemoryConstants.METADATA, Map.of("team", "ops", "priority", 3))
                .withBody("The Lisbon office closes for renovation in August.")
                .request(MemoryAddResult.class);

        JsonNode doc = get("/v3/documents/" + result.id()).json();
        assertThat(doc.get("containerTags").get(0).asText()).isEqualTo(headerTag);
        assertThat(doc.get("customId").asText()).isEqualTo("from-header-" + headerTag);
        assertThat(doc.get("metadata").get("source").asText()).isEqualTo("crm");
        assertThat(doc.get("metadata").get("team").asText()).isEqualTo("ops");
        assertThat(doc.get("metadata").get("priority").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("a Map body brings content and metadata; a JSON string header adds metadata too")
    void mapBody() {
        String tag = uniqueTag("add-map");
        MemoryAddResult result = template.to("memory:add?containerTag=" + tag)
                .withHeader(MemoryConstants.METADATA, "{\"reviewed\":true}")
                .withBody(Map.of("content", "Standup: Omar ships the billing export on Friday.",
                        "metadata", Map.of("kind", "standup", "tags", List.of("billing", "export"))))
                .request(MemoryAddResult.class);

        JsonNode doc = awaitDone(result.id());
        assertThat(doc.get("metadata").get("kind").asText()).isEqualTo("standup");
        assertThat(doc.get("metadata").get("tags").get(1).asText()).isEqualTo("export");
        assertThat(doc.get("metadata").get("reviewed").asBoolean()).isTrue();
        assertThat(doc.get("content").asText()).contains("billing export");
    }

    @Test
    @DisplayName("a File, a byte[] and an InputStream are uploads that Tika parses, named after their file")
    void filesAreParsed() throws Exception {
        String tag = uniqueTag("add-files");
        Path docx = Files.createTempFile("policy-", ".docx");
        Files.write(docx, TestFiles.docx("Expense policy", "Taxis are refunded after 22:00 only."));
        try {
            String fromFile = template.to("memory:add?containerTag=" + tag).withBody(docx.toFile())
                    .request(MemoryAddResult.class).id();
            String fromBytes = template.to("memory:add?containerTag=" + tag)
                    .withHeader(MemoryConstants.FILE_NAME, "roadmap.pdf")
                    .withBody(TestFiles.pdf("Roadmap", "The mobile app launches in the second quarter."))
                    .request(MemoryAddResult.class).id();
            String fromStream = template.to("memory:add?containerTag=" + tag)
                    .withHeader(Exchange.FILE_NAME_ONLY, "retro.md")
                    .withBody(new ByteArrayInputStream("# Retro\n\nDeploys on Fridays are banned."
                            .getBytes(StandardCharsets.UTF_8)))
                    .request(MemoryAddResult.class).id();

            JsonNode file = awaitDone(fromFile);
            assertThat(file.get("source").asText()).isEqualTo("file");
            assertThat(file.get("title").asText()).isEqualTo("Expense policy");
            assertThat(file.get("content").asText()).contains("Taxis are refunded");
            JsonNode pdf = awaitDone(fromBytes);
            assertThat(pdf.get("type").asText()).isEqualTo("pdf");
            assertThat(pdf.get("content").asText()).contains("second quarter");
            JsonNode md = awaitDone(fromStream);
            assertThat(md.get("source").asText()).isEqualTo("file");
            assertThat(md.get("content").asText()).contains("Deploys on Fridays are banned");
        } finally {
            Files.deleteIfExists(docx);
        }
    }

    @Test
    @DisplayName("adding the same customId again updates that document instead of adding a second one")
    void customIdUpserts() {
        String tag = uniqueTag("add-upsert");
        String uri = "memory:add?containerTag=" + tag + "&customId=status-" + tag;
        String first = template.to(uri).withBody("Build is red.").request(MemoryAddResult.class).id();
        awaitDone(first);
        String second = template.to(uri).withBody("Build is green again.").request(MemoryAddResult.class).id();

        assertThat(second).isEqualTo(first);
        assertThat(awaitDone(second).get("content").asText()).isEqualTo("Build is green again.");
        assertThat(post("/v3/documents/list", "{\"containerTags\":[\"" + tag + "\"]}").json()
                .get("pagination").get("totalItems").asInt()).isEqualTo(1);
    }
}
