package io.hippocamel.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one benchmark run does, from system properties: {@code bench.sections} (comma-separated, default all),
 * {@code bench.quick} (small sizes for a smoke run), {@code bench.out} (the report file) and
 * {@code bench.data-dir} (where each section's server keeps its fresh data dir).
 *
 * @param sections sections to run, in run order
 * @param quick    smoke-run sizes
 * @param report   where BENCHMARKS.md is written
 * @param dataRoot parent of the per-section data dirs (wiped per section)
 * @param dataDir  the shared data sets (BEIR SciFact, LoCoMo)
 */
record BenchOptions(Set<String> sections, boolean quick, Path report, Path dataRoot, Path dataDir) {

    /** Every section, in the order a full run takes them. */
    static final List<String> ALL = List.of("embedder", "ingest", "scifact", "locomo", "latency", "router",
            "elasticsearch");

    static BenchOptions fromSystemProperties() {
        String wanted = System.getProperty("bench.sections", "all").trim().toLowerCase(Locale.ROOT);
        Set<String> sections = new LinkedHashSet<>();
        if (wanted.isEmpty() || wanted.equals("all")) {
            sections.addAll(ALL);
        } else {
            Set<String> asked = new LinkedHashSet<>(Arrays.asList(wanted.split("\\s*,\\s*")));
            asked.stream().filter(s -> !ALL.contains(s)).findAny().ifPresent(s -> {
                throw new IllegalArgumentException("unknown section '" + s + "'; known: " + ALL);
            });
            ALL.stream().filter(asked::contains).forEach(sections::add);
        }
        boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "false"));
        Path dataRoot = Path.of(System.getProperty("bench.data-dir", "target/bench-data"));
        // only a full run replaces the committed report; a subset or smoke run writes beside its data
        boolean full = sections.size() == ALL.size() && !quick;
        Path report = Path.of(System.getProperty("bench.out",
                full ? "BENCHMARKS.md" : dataRoot.resolveSibling("BENCHMARKS-partial.md").toString()));
        Path dataDir = Path.of(System.getProperty("bench.datasets", "../shared/data"));
        return new BenchOptions(sections, quick, report, dataRoot, dataDir);
    }

    /** The same run at smoke sizes, in a data dir of its own: for sections that repeat others on another store. */
    BenchOptions smallIn(String subdir) {
        return new BenchOptions(sections, true, report, dataRoot.resolve(subdir), dataDir);
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    /**
     * Whether the quality sections also measure each lever on a server of its own: {@code bench.levers}, by default
     * true except in a quick run.
     */
    boolean levers() {
        String levers = System.getProperty("bench.levers", "").strip();
        return levers.isEmpty() ? !quick : Boolean.parseBoolean(levers);
    }

    /** {@code full} normally, {@code small} in a quick run. */
    int size(int full, int small) {
        return quick ? small : full;
    }
}
