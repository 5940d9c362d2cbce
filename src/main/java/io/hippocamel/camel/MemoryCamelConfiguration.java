package io.hippocamel.camel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.api.ApiKeys;
import io.hippocamel.config.HippocamelProperties;
import io.hippocamel.ingest.DocumentEvents;
import io.hippocamel.ingest.DocumentService;
import io.hippocamel.search.FilterParser;
import io.hippocamel.search.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@code memory:} component (bean {@code memory}) and the start-up check of route files. */
@Configuration(proxyBeanMethods = false)
public class MemoryCamelConfiguration {

    /** Where {@link ApiKeys} keeps the key it generates when none is configured. */
    private static final String GENERATED_KEY_FILE = "api-key";

    @Bean("memory")
    MemoryComponent memoryComponent(DocumentService documents, SearchService search, DocumentEvents events,
                                    ApiKeys keys, FilterParser filters, ObjectMapper json,
                                    HippocamelProperties props) {
        HippocamelProperties.Ingest ingest = props.getIngest();
        return new MemoryComponent(new MemoryService(documents, search), events,
                new MemoryTenants(keys, () -> firstKey(props)),
                new MemoryRequestValidator(json, filters, ingest.getMaxContentSize().toBytes(),
                        ingest.getMaxFileSize().toBytes()), new MemoryTypeConverters(json));
    }

    @Bean
    RouteFileValidator routeFileValidator() {
        return new RouteFileValidator();
    }

    /** The first configured key, else the generated one ({@link ApiKeys} has written it by now). */
    static String firstKey(HippocamelProperties props) {
        return props.getApiKeys().stream().filter(k -> k != null && !k.isBlank()).map(String::strip).findFirst()
                .orElseGet(() -> generatedKey(props.getDataDir()));
    }

    private static String generatedKey(Path dataDir) {
        Path file = dataDir.resolve(GENERATED_KEY_FILE);
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated API key " + file, e);
        }
    }
}
