package io.hippocamel.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The endpoint reference in the README is the one the component's annotations describe. */
class MemoryEndpointReferenceTest {

    static final String SECTION = "## Wiring memory into your Camel flows";

    @Test
    @DisplayName("every option and header carries a description")
    void everythingDescribed() {
        for (Field field : MemoryEndpoint.class.getDeclaredFields()) {
            UriParam param = field.getAnnotation(UriParam.class);
            UriPath path = field.getAnnotation(UriPath.class);
            if (param != null) {
                assertThat(param.description()).as(field.getName()).isNotBlank();
            }
            if (path != null) {
                assertThat(path.description()).as(field.getName()).isNotBlank();
            }
        }
        for (Field field : MemoryConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Metadata meta = field.getAnnotation(Metadata.class);
                assertThat(meta).as(field.getName()).isNotNull();
                assertThat(meta.description()).as(field.getName()).isNotBlank();
            }
        }
        assertThat(MemoryEndpointReference.optionsTable()).contains("`containerTag`", "`metadata.*`",
                "`apiKey` (secret)", "`status`", "`threshold`");
        assertThat(MemoryEndpointReference.headersTable()).contains("`HippocamelContainerTag`",
                "`HippocamelDocumentId`", "`HippocamelMetadata`", "`HippocamelLimit`");
    }

    @Test
    @DisplayName("the README's tables are the ones generated from the annotations")
    void readmeMatchesCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assumeTrue(readme.contains(SECTION), "the README has no '" + SECTION + "' section yet");
        assertThat(readme).contains(MemoryEndpointReference.optionsTable())
                .contains(MemoryEndpointReference.headersTable());
    }
}
