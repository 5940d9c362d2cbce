package io.hippocamel.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedder chosen by {@code hippocamel.embedding.provider}: the in-process model or an HTTP endpoint. */
@Configuration(proxyBeanMethods = false)
public class EmbeddingConfiguration {

    @Bean
    Embedder embedder(EmbeddingProperties e, ObjectMapper json) {
        String model = e.getModel() == null || e.getModel().isBlank() ? e.getProvider().defaultModel() : e.getModel();
        return switch (e.getProvider()) {
            case ONNX -> new OnnxEmbedder(OnnxModel.byId(model).orElseThrow(() -> new IllegalStateException(
                    "hippocamel.embedding.model (config/application.yaml): '" + model + "' is not an in-process "
                            + "model of this build; use one of " + Arrays.stream(OnnxModel.values())
                            .map(OnnxModel::id).toList() + " or provider openai")), e.getThreads());
            case OPENAI -> new OpenAiEmbedder(e.getBaseUrl(), model, e.getApiKey(), e.getDimensions(),
                    e.getTimeout(), e.getBatchSize(), json);
        };
    }
}
