package io.hippocamel.store.elasticsearch;

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

/** Bad Elasticsearch settings stop the server from starting, with a message saying which key to fix. */
class ElasticsearchStartupFailureTest {

    @TempDir
    Path dir;

    private Throwable start(String... storeArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--hippocamel.data-dir=" + dir.resolve("data"), "--hippocamel.api-keys[0]=sm_es_startup_test",
                "--hippocamel.store.type=elasticsearch"));
        args.addAll(List.of(storeArgs));
        Throwable failure = catchThrowable(() ->
                new SpringApplicationBuilder(HippocamelApplication.class).run(args.toArray(String[]::new)).close());
        assertThat(failure).as("start-up with " + args).isNotNull();
        return failure;
    }

    private static String messages(Throwable t) {
        List<String> messages = new ArrayList<>();
        for (Throwable c = t; c != null && !messages.contains(String.valueOf(c.getMessage())); c = c.getCause()) {
            messages.add(String.valueOf(c.getMessage()));
        }
        return String.join("\n", messages);
    }

    @Test
    @DisplayName("store type elasticsearch without a URL names the key and the file")
    void missingUrl() {
        assertThat(messages(start("--hippocamel.store.elasticsearch.url="))).contains(
                "hippocamel.store.elasticsearch.url").contains("config/application.yaml").contains("ES_URL");
    }

    @Test
    @DisplayName("an index prefix Elasticsearch would reject is a validation error on its key")
    void badIndexPrefix() {
        assertThat(messages(start("--hippocamel.store.elasticsearch.url=http://127.0.0.1:9",
                "--hippocamel.store.elasticsearch.index-prefix=Upper Case")))
                .contains("hippocamel.store.elasticsearch.indexPrefix").contains("rejected value [Upper Case]");
    }
}
