package io.hippocamel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The figures README.md and the configuration quote are BENCHMARKS.md's, never retyped copies. */
class ReadmeFiguresTest {

    private static final String REPORT = """
            # Hippocamel benchmarks

            ## Headline figures

            | headline | measured |
            |---|---|
            | ingest | 418.2 docs/s |

            ## 3. Retrieval quality

            text

            | a | b |
            |---|---|
            | 1 | 2 |

            more text

            | c |
            |---|
            | 3 |

            ## 4. Other
            """;

    @Test
    void readmeBlocksAreTheTablesOfBenchmarksMd() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String report = Files.readString(Path.of("BENCHMARKS.md"), StandardCharsets.UTF_8);

        assertThat(ReadmeFigures.blocks(readme)).as("generated blocks in README.md").isGreaterThanOrEqualTo(4);
        assertThat(readme).as("README.md figures out of date: run the benchmark, or copy the tables with "
                + "ReadmeFigures.update").isEqualTo(ReadmeFigures.sync(readme, report));
    }

    @Test
    void configurationCommentsQuoteNoMeasuredFigures() throws Exception {
        Pattern figure = Pattern.compile("\\d+(\\.\\d+)? ?(ms|docs/s|texts/s|files/s|QPS)\\b|nDCG@10 \\S*\\d"
                + "|0\\.\\d{3}\\b|R@10 \\S*\\d");
        for (String line : Files.readAllLines(Path.of("config/application.yaml"), StandardCharsets.UTF_8)) {
            if (line.trim().startsWith("#")) {
                assertThat(figure.matcher(line).find()).as("a measured figure in a comment: %s", line).isFalse();
            }
        }
    }

    @Test
    void aStaleBlockIsReplacedByTheTableItNames() {
        String readme = "intro\n<!-- BENCHMARKS.md \"3. Retrieval\" table 2 -->\n| c |\n|---|\n| 9 |\n<!-- end -->\n"
                + "<!-- BENCHMARKS.md \"Headline\" table 1 -->\n<!-- end -->\nouter\n";

        String synced = ReadmeFigures.sync(readme, REPORT);

        assertThat(synced).isEqualTo("intro\n<!-- BENCHMARKS.md \"3. Retrieval\" table 2 -->\n| c |\n|---|\n| 3 |\n"
                + "<!-- end -->\n<!-- BENCHMARKS.md \"Headline\" table 1 -->\n| headline | measured |\n|---|---|\n"
                + "| ingest | 418.2 docs/s |\n<!-- end -->\nouter\n");
        assertThat(ReadmeFigures.sync(synced, REPORT)).isEqualTo(synced);
    }

    @Test
    void aBlockNamingAMissingSectionOrTableFails() {
        assertThatThrownBy(() -> ReadmeFigures.table(REPORT, "9. Nothing", 1))
                .hasMessageContaining("no section \"9. Nothing\"");
        assertThatThrownBy(() -> ReadmeFigures.table(REPORT, "3. Retrieval", 3))
                .hasMessageContaining("has 2 tables, not 3");
    }
}
