package io.hippocamel.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of a stored conversation: one block per turn, {@code role: text}, blocks separated by a blank line.
 * Stored chunks keep the role prefixes, so a retrieved memory says who said it.
 */
public final class Transcript {

    private static final Pattern TURN = Pattern.compile("(?m)^(user|assistant|system|tool): ");

    private Transcript() {
    }

    public static String format(List<Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (!sb.isEmpty()) {
                sb.append("\n\n");
            }
            sb.append(t.role()).append(": ").append(t.text().strip());
        }
        return sb.toString();
    }

    public static List<Turn> parse(String text) {
        List<Turn> turns = new ArrayList<>();
        if (text == null) {
            return turns;
        }
        Matcher m = TURN.matcher(text);
        String role = null;
        int start = 0;
        while (m.find()) {
            if (role != null) {
                turns.add(new Turn(role, text.substring(start, m.start()).strip()));
            }
            role = m.group(1);
            start = m.end();
        }
        if (role != null) {
            turns.add(new Turn(role, text.substring(start).strip()));
        }
        return turns;
    }

    /**
     * The turns of {@code incoming} not yet in {@code stored}: clients may re-send the whole history, or only the
     * latest turns. Whatever part of incoming continues the end of stored is skipped.
     */
    public static List<Turn> newTurns(List<Turn> stored, List<Turn> incoming) {
        if (startsWith(incoming, stored)) {
            return List.copyOf(incoming.subList(stored.size(), incoming.size()));
        }
        for (int k = Math.min(stored.size(), incoming.size()); k > 0; k--) {
            if (same(stored.subList(stored.size() - k, stored.size()), incoming.subList(0, k))) {
                return List.copyOf(incoming.subList(k, incoming.size()));
            }
        }
        return List.copyOf(incoming);
    }

    private static boolean startsWith(List<Turn> list, List<Turn> prefix) {
        return prefix.size() <= list.size() && same(list.subList(0, prefix.size()), prefix);
    }

    private static boolean same(List<Turn> a, List<Turn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).role().equals(b.get(i).role())
                    || !normalise(a.get(i).text()).equals(normalise(b.get(i).text()))) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
