package io.hippocamel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A Markdown table built row by row; numbers are formatted by the caller with {@link #f}. */
final class MarkdownTable {

    private static final Pattern NUMBER = Pattern.compile("\\**[-–]?[\\d.,]*\\d[\\d.,]*( %)?\\**|–");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    /** A number with {@code decimals} decimals (English format, whatever the machine's locale). */
    static String f(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Numbers are right-aligned: a column is numeric when every cell is a (possibly bold) number or a dash. */
    private boolean numeric(int column) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> NUMBER.matcher(r.get(column)).matches());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            out.append(numeric(i) ? "---:|" : "---|");
        }
        out.append('\n');
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return out.toString();
    }
}
