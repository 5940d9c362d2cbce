package io.hippocamel.connector.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a robots.txt that apply to us: the group for our agent name if there is one, else the {@code *} group.
 * The longest matching Allow/Disallow prefix decides (Allow wins a tie), as RFC 9309 says; {@code *} and {@code $}
 * patterns are supported.
 */
final class RobotsRules {

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String robotsTxt, String agent) {
        List<Rule> ours = null;
        List<Rule> star = null;
        List<Rule> current = null;
        boolean inAgents = false;
        List<List<Rule>> targets = new ArrayList<>();
        for (String raw : robotsTxt.split("\r?\n")) {
            String line = raw.replaceAll("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                if (!inAgents) {
                    current = new ArrayList<>();
                    targets.add(current);
                    inAgents = true;
                }
                if (value.equals("*")) {
                    star = current;
                } else if (agent.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                    ours = current;
                }
            } else if ((field.equals("allow") || field.equals("disallow")) && current != null) {
                inAgents = false;
                if (!value.isEmpty()) {
                    current.add(new Rule(field.equals("allow"), value));
                }
            } else {
                inAgents = false;
            }
        }
        List<Rule> chosen = ours != null ? ours : star;
        return chosen == null ? ALLOW_ALL : new RobotsRules(List.copyOf(chosen));
    }

    /** Whether a path (with its query) may be fetched. */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (matches(rule.pattern(), pathAndQuery) && (best == null
                    || rule.pattern().length() > best.pattern().length()
                    || rule.pattern().length() == best.pattern().length() && rule.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        StringBuilder regex = new StringBuilder();
        for (String part : p.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return path.matches(regex + (anchored ? "" : ".*"));
    }
}
