package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hippocamel.core.DocumentStatus;
import io.hippocamel.core.NotFoundException;
import io.hippocamel.core.StoredDocument;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** memory:get, memory:delete and memory:list act on documents by id or customId, within the endpoint's tag. */
class MemoryGetDeleteListTest extends MemoryCamelTestSupport {

    private String add(String tag, String customId, String content) {
        return template.to("memory:add?containerTag=" + tag + (customId == null ? "" : "&customId=" + customId))
                .withBody(content).request(MemoryAddResult.class).id();
    }

    @Test
    @DisplayName("get finds a document by HippocamelDocumentId, by customId header or by the customId option")
    void get() {
        String tag = uniqueTag("get");
        String id = add(tag, "contract-" + tag, "The lease of the Porto office ends in March 2027.");
        awaitDone(id);

        StoredDocument byId = template.to("memory:get").withHeader(MemoryConstants.DOCUMENT_ID, id)
                .request(StoredDocument.class);
        assertThat(byId.id()).isEqualTo(id);
        assertThat(byId.status()).isEqualTo(DocumentStatus.DONE);
        assertThat(byId.content()).contains("Porto office");
        assertThat(template.to("memory:get").withHeader(MemoryConstants.CUSTOM_ID, "contract-" + tag)
                .request(StoredDocument.class).id()).isEqualTo(id);
        assertThat(template.to("memory:get?customId=contract-" + tag).request(StoredDocument.class).id())
                .isEqualTo(id);
    }

    @Test
    @DisplayName("a tag on get or delete hides documents of other tags; a missing document is NotFoundException")
    void scopedAndMissing() {
        String tag = uniqueTag("scoped");
        String id = add(tag, null, "Badge access for contractors expires after 30 days.");

        Exchange wrongTag = template.to("memory:get?containerTag=" + uniqueTag("elsewhere"))
                .withHeader(MemoryConstants.DOCUMENT_ID, id).send();
        assertThat(wrongTag.getException()).isInstanceOf(NotFoundException.class).hasMessageContaining(id);
        Exchange delete = template.to("memory:delete?containerTag=" + uniqueTag("elsewhere"))
                .withHeader(MemoryConstants.DOCUMENT_ID, id).send();
        assertThat(delete.getException()).isInstanceOf(NotFoundException.class);
        assertThat(get("/v3/documents/" + id).status()).isEqualTo(200);

        assertThatThrownBy(() -> template.to("memory:get").withHeader(MemoryConstants.DOCUMENT_ID, "no-such-doc")
                .request()).isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-doc");
    }

    @Test
    @DisplayName("delete removes the document and answers it as it was")
    void delete() {
        String tag = uniqueTag("delete");
        String id = add(tag, "temp-" + tag, "Temporary note: the printer on floor 2 is broken.");
        awaitDone(id);

        StoredDocument deleted = template.to("memory:delete?containerTag=" + tag)
                .withHeader(MemoryConstants.CUSTOM_ID, "temp-" + tag).request(StoredDocument.class);

        assertThat(deleted.id()).isEqualTo(id);
        assertThat(deleted.content()).contains("printer");
        assertThat(get("/v3/documents/" + id).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("list pages through a tag newest first, with the total in HippocamelTotal, and filters metadata")
    @SuppressWarnings("unchecked")
    void list() {
        String tag = uniqueTag("list");
        String first = add(tag, null, "First note of the list test.");
        String second = add(tag, null, "Second note of the list test.");
        String third = template.to("memory:add?containerTag=" + tag + "&metadata.pinned=yes")
                .withBody("Third note of the list test.").request(MemoryAddResult.class).id();

        Exchange page1 = template.to("memory:list?limit=2&containerTag=" + tag).send();
        List<StoredDocument> docs = page1.getMessage().getBody(List.class);
        assertThat(docs).extracting(StoredDocument::id).containsExactly(third, second);
        assertThat(page1.getMessage().getHeader(MemoryConstants.TOTAL)).isEqualTo(3L);

        List<StoredDocument> page2 = template.to("memory:list?limit=2&containerTag=" + tag)
                .withHeader(MemoryConstants.PAGE, 2).request(List.class);
        assertThat(page2).extracting(StoredDocument::id).containsExactly(first);

        List<StoredDocument> pinned = template.to("memory:list?containerTag=" + tag)
                .withHeader(MemoryConstants.FILTERS, "{\"AND\":[{\"key\":\"pinned\",\"value\":\"yes\"}]}")
                .request(List.class);
        assertThat(pinned).extracting(StoredDocument::id).containsExactly(third);
    }
}
