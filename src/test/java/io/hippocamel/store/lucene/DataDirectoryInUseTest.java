package io.hippocamel.store.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hippocamel.HippocamelApplication;
import io.hippocamel.memory.lucene.LuceneMemoryFactStore;
import java.time.Clock;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A second store (or server) on a data directory that is in use fails with one line saying so, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryInUseTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a second store on the same folder fails naming the folder and the lock file, with no cause chain")
    void secondStoreOnSameFolder() {
        try (LuceneMemoryStore first = new LuceneMemoryStore(dir, 4)) {
            Throwable failure = catchThrowable(() -> new LuceneMemoryStore(dir, 4).close());

            assertThat(failure).isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("Data directory " + dir + " is in use by another Hippocamel process (lock file "
                            + dir.resolve("index").resolve("write.lock")
                            + "); stop that process or point hippocamel.data-dir at another folder")
                    .hasNoCause();
            first.putDocuments(java.util.List.of()); // the first store is unharmed
        }
    }

    @Test
    @DisplayName("a second memories index on the same folder fails the same way, naming its folder and lock file")
    void secondMemoriesIndexOnSameFolder() {
        try (LuceneMemoryFactStore first = new LuceneMemoryFactStore(dir, 4, Clock.systemUTC())) {
            Throwable failure = catchThrowable(() -> new LuceneMemoryFactStore(dir, 4, Clock.systemUTC()).close());

            assertThat(failure).isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("Data directory " + dir + " is in use by another Hippocamel process (lock file "
                            + dir.resolve("index").resolve("write.lock")
                            + "); stop that process or point hippocamel.data-dir at another folder")
                    .hasNoCause();
            assertThat(first.memoryCount()).isZero(); // the first index is unharmed
        }
    }

    @Test
    @DisplayName("a server on a data directory in use stops with that one line as its start-up failure report")
    void secondServerOnSameDataDir(CapturedOutput output) {
        Path data = dir.resolve("data");
        try (LuceneMemoryStore running = new LuceneMemoryStore(data.resolve("store"), 384)) {
            Throwable failure = catchThrowable(() -> {
                ConfigurableApplicationContext app = new SpringApplicationBuilder(HippocamelApplication.class).run(
                        "--server.port=0", "--server.address=127.0.0.1",
                        "--hippocamel.data-dir=" + data,
                        "--hippocamel.api-keys[0]=sm_data_dir_in_use_test");
                app.close();
            });

            Throwable root = failure;
            while (root != null && !(root instanceof DataDirectoryInUseException)) {
                root = root.getCause();
            }
            assertThat(root).as("cause chain of " + failure).isNotNull().hasNoCause();
            assertThat(output.getAll()).contains("APPLICATION FAILED TO START",
                    "Data directory " + data.resolve("store") + " is in use by another Hippocamel process");
            assertThat(output.getAll()).doesNotContain("LockObtainFailedException");
        }
    }
}
