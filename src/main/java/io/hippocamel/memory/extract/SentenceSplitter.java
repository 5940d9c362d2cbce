package io.hippocamel.memory.extract;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into sentences with their offsets: {@link BreakIterator} within blocks, where blank lines, list items,
 * headings and lines that end a sentence are block breaks, and a break after a title or initial ("Dr.", "J.") is
 * undone. Thread-safe (a break iterator per call).
 */
final class SentenceSplitter {

    /** A sentence: characters {@code [start, end)} of the text, trimmed, list marker removed. */
    record Sentence(int start, int end, String text) {
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:[-*+\u2022>#]+|\\d{1,3}[.)])\\s+");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs",
            "etc", "e.g", "i.e", "approx", "no", "mt", "ft", "inc", "ltd", "co", "u.s", "u.k", "a.m", "p.m");

    private SentenceSplitter() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        int blockStart = 0;
        Matcher lineBreak = LINE_BREAK.matcher(text);
        while (lineBreak.find()) {
            if (hardBreak(text, blockStart, lineBreak.start(), lineBreak.end())) {
                splitBlock(text, blockStart, lineBreak.start(), iterator, out);
                blockStart = lineBreak.end();
            }
        }
        splitBlock(text, blockStart, text.length(), iterator, out);
        return out;
    }

    /** A line break ends a block unless it only wraps a sentence (the next line goes on in lower case). */
    private static boolean hardBreak(String text, int blockStart, int lineEnd, int nextStart) {
        int last = lineEnd - 1;
        while (last >= blockStart && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        if (last < blockStart) {
            return true;
        }
        char end = text.charAt(last);
        int next = nextStart;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        boolean continues = Character.isLowerCase(text.charAt(next)) && (Character.isLetterOrDigit(end) || end == ',');
        return !continues;
    }

    private static void splitBlock(String text, int from, int to, BreakIterator iterator, List<Sentence> out) {
        if (from >= to) {
            return;
        }
        iterator.setText(text.substring(from, to));
        int pendingStart = -1;
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            int s = pendingStart >= 0 ? pendingStart : from + start;
            int e = from + end;
            if (end < to - from && endsWithAbbreviation(text, s, e)) {
                pendingStart = s;
                continue;
            }
            pendingStart = -1;
            add(text, s, e, out);
        }
        if (pendingStart >= 0) {
            add(text, pendingStart, to, out);
        }
    }

    private static boolean endsWithAbbreviation(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e == start || text.charAt(e - 1) != '.') {
            return false;
        }
        int w = e - 1;
        while (w > start && !Character.isWhitespace(text.charAt(w - 1))) {
            w--;
        }
        String word = text.substring(w, e - 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        int s = start;
        int e = end;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        Matcher marker = LIST_MARKER.matcher(text).region(s, e);
        if (marker.lookingAt()) {
            s = marker.end();
        }
        if (s < e) {
            out.add(new Sentence(s, e, text.substring(s, e)));
        }
    }
}
