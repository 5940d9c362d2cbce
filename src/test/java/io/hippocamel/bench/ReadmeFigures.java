package io.hippocamel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the figures the README quotes equal to BENCHMARKS.md: the README holds marked blocks, each a copy of one table
 * of BENCHMARKS.md, which a full benchmark run rewrites and {@code ReadmeFiguresTest} checks. Nobody retypes a
 * figure.
 *
 * <p>A block is {@code <!-- BENCHMARKS.md "<heading prefix>" table <n> -->}, the table, {@code <!-- end -->}: the
 * n-th table (from 1) under the first BENCHMARKS.md heading that starts with the prefix.
 */
final class ReadmeFigures {

    static final Pattern BLOCK = Pattern.compile(
            "(<!-- BENCHMARKS\\.md \"([^\"]+)\" table (\\d+) -->\n)(.*?)(<!-- end -->)", Pattern.DOTALL);

    private ReadmeFigures() {
    }

    /** The README with every marked block replaced by the table it names. */
    static String sync(String readme, String benchmarks) {
        Matcher m = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String table = table(benchmarks, m.group(2), Integer.parseInt(m.group(3)));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + table + m.group(5)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many marked blocks the README has. */
    static int blocks(String readme) {
        return (int) BLOCK.matcher(readme).results().count();
    }

    /** The n-th Markdown table (with its trailing newline) of the section whose heading starts with the prefix. */
    static String table(String benchmarks, String headingPrefix, int n) {
        List<String> lines = benchmarks.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#") && lines.get(i).replaceFirst("^#+ ", "").startsWith(headingPrefix)) {
                start = i + 1;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("BENCHMARKS.md has no section \"" + headingPrefix + "\"");
        }
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (int i = start; i < lines.size() && !lines.get(i).matches("#{1,2} .*"); i++) {
            if (lines.get(i).startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(lines.get(i));
            } else {
                current = null;
            }
        }
        if (n < 1 || n > tables.size()) {
            throw new IllegalArgumentException("section \"" + headingPrefix + "\" of BENCHMARKS.md has "
                    + tables.size() + " tables, not " + n);
        }
        return String.join("\n", tables.get(n - 1)) + "\n";
    }

    /** Rewrites the README's blocks from the report a full run just wrote. */
    static void update(Path readme, Path benchmarks) throws IOException {
        String before = Files.readString(readme, StandardCharsets.UTF_8);
        String after = sync(before, Files.readString(benchmarks, StandardCharsets.UTF_8));
        if (!after.equals(before)) {
            Files.writeString(readme, after, StandardCharsets.UTF_8);
        }
    }
}
