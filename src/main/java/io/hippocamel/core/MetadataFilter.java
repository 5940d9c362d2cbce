package io.hippocamel.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Supermemory's metadata filter grammar as a typed tree: {@code {"AND":[...]}} / {@code {"OR":[...]}} of conditions
 * and nested groups. Every store translates it to its own query language; {@link #matches(Map)} is the reference
 * semantics both translations must agree with.
 */
public sealed interface MetadataFilter permits MetadataFilter.And, MetadataFilter.Or, MetadataFilter.Condition {

    /** Whether a document's metadata satisfies this filter (the reference semantics). */
    boolean matches(Map<String, Object> metadata);

    record And(List<MetadataFilter> children) implements MetadataFilter {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public boolean matches(Map<String, Object> metadata) {
            return children.stream().allMatch(c -> c.matches(metadata));
        }
    }

    record Or(List<MetadataFilter> children) implements MetadataFilter {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public boolean matches(Map<String, Object> metadata) {
            return children.stream().anyMatch(c -> c.matches(metadata));
        }
    }

    enum FilterType { METADATA, NUMERIC, ARRAY_CONTAINS, STRING_CONTAINS }

    /**
     * The longest {@code string_contains} value. Both stores match it with a wildcard automaton ({@code *value*})
     * whose determinization grows with the square of the value's self-overlap: a run of ~350 equal characters
     * exceeds Lucene's (and Elasticsearch's) effort limit. 200 characters stay within it even when lower-casing
     * doubles a value (U+0130), at a cost of milliseconds.
     */
    int MAX_CONTAINS_CHARS = 200;

    enum NumericOperator {
        GT(">"), LT("<"), GTE(">="), LTE("<="), EQ("="), NEQ("!=");

        private final String symbol;

        NumericOperator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Supermemory negates numeric conditions by flipping the operator. */
        public NumericOperator negated() {
            return switch (this) {
                case GT -> LTE;
                case LT -> GTE;
                case GTE -> LT;
                case LTE -> GT;
                case EQ -> NEQ;
                case NEQ -> EQ;
            };
        }

        public boolean test(double left, double right) {
            return switch (this) {
                case GT -> left > right;
                case LT -> left < right;
                case GTE -> left >= right;
                case LTE -> left <= right;
                case EQ -> left == right;
                case NEQ -> left != right;
            };
        }

        /** The operators a filter may name: NEQ only arises from negating EQ. */
        public static NumericOperator fromSymbol(String s) {
            for (NumericOperator op : values()) {
                if (op != NEQ && op.symbol.equals(s)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("numericOperator must be one of >, <, >=, <=, =");
        }
    }

    /**
     * One condition on one metadata key.
     * <ul>
     *   <li>METADATA: some value of the key (a scalar, or any element of a list) equals {@code value} as text;
     *       numbers compare in their canonical text form ({@link #canonical(Object)}), booleans as true/false;
     *       {@code ignoreCase} compares case-insensitively.</li>
     *   <li>NUMERIC: the key holds a number (or numeric text) and {@code number op value} holds. A negated numeric
     *       condition flips the operator, as Supermemory does, so documents without the key still don't match.</li>
     *   <li>ARRAY_CONTAINS: the key's list (or scalar, as a one-element list) has an element equal to value.</li>
     *   <li>STRING_CONTAINS: some text value of the key contains {@code value} as a substring; value has at most
     *       {@link #MAX_CONTAINS_CHARS} characters.</li>
     * </ul>
     * {@code negate} on the non-numeric types matches exactly the documents the condition does not match,
     * including those without the key.
     */
    record Condition(String key, String value, FilterType type, NumericOperator operator, boolean negate,
                     boolean ignoreCase) implements MetadataFilter {

        /** The effective numeric operator after negation. */
        public NumericOperator effectiveOperator() {
            NumericOperator op = operator == null ? NumericOperator.EQ : operator;
            return negate ? op.negated() : op;
        }

        @Override
        public boolean matches(Map<String, Object> metadata) {
            Object raw = metadata.get(key);
            if (type == FilterType.NUMERIC) {
                Double number = asNumber(raw);
                return number != null && effectiveOperator().test(number, Double.parseDouble(value));
            }
            boolean hit = switch (type) {
                case METADATA, ARRAY_CONTAINS -> values(raw).stream().anyMatch(v -> equal(v, value));
                case STRING_CONTAINS -> values(raw).stream().anyMatch(v -> ignoreCase
                        ? v.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))
                        : v.contains(value));
                default -> false;
            };
            return negate != hit;
        }

        private boolean equal(String a, String b) {
            return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
        }
    }

    /** Every text value of a metadata entry: a list's elements, or the scalar's canonical text. */
    static List<String> values(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(MetadataFilter::canonical).toList();
        }
        return List.of(canonical(raw));
    }

    /** Canonical text of a metadata value: integral numbers without ".0", booleans as true/false. */
    static String canonical(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof Float f && f == Math.rint(f) && !Float.isInfinite(f)) {
            return Long.toString(f.longValue());
        }
        return String.valueOf(v);
    }

    /** A metadata value as a number: numbers as they are, numeric text parsed, anything else null. */
    static Double asNumber(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Case folding that makes {@code fold(a).equals(fold(b))} exactly when {@code a.equalsIgnoreCase(b)}: that
     * method treats two code points as equal when their upper cases, or the lower cases of those, are equal. The
     * stores index it for {@code ignoreCase} equality.
     */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }

    /** Lower case as the stores index it for {@code ignoreCase} substring matching. */
    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
