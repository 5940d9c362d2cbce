package io.hippocamel.store.elasticsearch;

import io.hippocamel.core.MetadataFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How document metadata is indexed for filtering without one mapping field per key (arbitrary user keys would
 * explode the mapping): four keyword fields whose values are {@code <key> NUL <value>}, one term per metadata value.
 * <ul>
 *   <li>{@link #EXACT}: canonical text of every value ({@link MetadataFilter#values}), for equality and wildcards;</li>
 *   <li>{@link #FOLDED}: the same case-folded as {@link String#equalsIgnoreCase} compares;</li>
 *   <li>{@link #LOWER}: the same in {@code toLowerCase(Locale.ROOT)}, for case-insensitive substrings;</li>
 *   <li>{@link #NUMBER}: a number ({@link MetadataFilter#asNumber}) as 16 hex digits that sort like the doubles
 *       they encode, so numeric conditions are keyword range queries.</li>
 * </ul>
 * The Lucene store's {@code MetadataFields} applies the same folding rules; both follow the reference semantics.
 */
public final class EsMetadataTerms {

    public static final String EXACT = "m_exact";
    public static final String FOLDED = "m_folded";
    public static final String LOWER = "m_lower";
    public static final String NUMBER = "m_number";
    /** The mapping of the four fields, for the properties of an index mapping. */
    public static final String MAPPINGS = """
            "m_exact": {"type": "keyword"},
            "m_folded": {"type": "keyword"},
            "m_lower": {"type": "keyword"},
            "m_number": {"type": "keyword"}""";
    /** Separates key from value: NUL cannot occur in a JSON object key a client sends by accident. */
    static final String SEPARATOR = "\u0000";

    private EsMetadataTerms() {
    }

    /** The four term lists of a document's metadata, keyed by field name. */
    public static Map<String, List<String>> of(Map<String, Object> metadata) {
        List<String> exact = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        metadata.forEach((key, raw) -> {
            for (String value : MetadataFilter.values(raw)) {
                exact.add(term(key, value));
                folded.add(term(key, fold(value)));
                lower.add(term(key, lower(value)));
            }
            Double number = MetadataFilter.asNumber(raw);
            if (number != null) {
                numbers.add(number(key, number));
            }
        });
        return Map.of(EXACT, exact, FOLDED, folded, LOWER, lower, NUMBER, numbers);
    }

    static String term(String key, String value) {
        return key + SEPARATOR + value;
    }

    /**
     * The sortable text of a number under a key: IEEE bits flipped as Lucene's {@code NumericUtils} does (so NaN sorts
     * above +Infinity), sign bit inverted so that unsigned, hence lexicographic, order is numeric order; -0.0 is 0.0.
     */
    static String number(String key, double value) {
        long bits = Double.doubleToLongBits(value + 0.0);
        long sortable = bits ^ ((bits >> 63) & 0x7fffffffffffffffL);
        return key + SEPARATOR + String.format(Locale.ROOT, "%016x", sortable ^ Long.MIN_VALUE);
    }

    static String fold(String text) {
        return MetadataFilter.fold(text);
    }

    static String lower(String text) {
        return MetadataFilter.lower(text);
    }
}
