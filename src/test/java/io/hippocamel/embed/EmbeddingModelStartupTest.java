package io.hippocamel.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hippocamel.HippocamelApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code hippocamel.embedding.model} naming no in-process model stops start-up with a message naming the key. */
class EmbeddingModelStartupTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an unknown onnx model fails start-up naming the key, the file and the models there are")
    void unknownModel() {
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(HippocamelApplication.class).run(
                    "--server.port=0", "--server.address=127.0.0.1",
                    "--hippocamel.data-dir=" + dir.resolve("data"),
                    "--hippocamel.api-keys[0]=sm_embedding_model_test",
                    "--hippocamel.embedding.model=text-embedding-3-small");
            app.close();
        });

        assertThat(failure).isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        assertThat(String.join("\n", messages)).contains("hippocamel.embedding.model (config/application.yaml)",
                "'text-embedding-3-small'", "all-minilm-l6-v2-q", "bge-small-en-v15-q");
    }
}
