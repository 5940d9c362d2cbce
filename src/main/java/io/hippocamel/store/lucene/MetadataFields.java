package io.hippocamel.store.lucene;

import io.hippocamel.core.MetadataFilter;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;

/**
 * How document metadata is indexed for filtering, on document records and on the chunk copies alike. Each key gets
 * four fields so that every {@link MetadataFilter} condition is one plain Lucene query ({@link LuceneFilterQueries}):
 * <ul>
 *   <li>{@code m.<key>}: the canonical text of every value ({@link MetadataFilter#values}), for exact matches and
 *       substring (wildcard) matches;</li>
 *   <li>{@code mi.<key>}: the same, case-folded the way {@link String#equalsIgnoreCase} compares, for
 *       {@code ignoreCase} equality;</li>
 *   <li>{@code ml.<key>}: the same, {@code toLowerCase(Locale.ROOT)}, for {@code ignoreCase} substrings (the
 *       reference semantics lower-case both sides there, which is not quite the same as equalsIgnoreCase);</li>
 *   <li>{@code mn.<key>}: a {@link DoublePoint} when the value is a number or numeric text
 *       ({@link MetadataFilter#asNumber}); lists have none, as in the reference semantics.</li>
 * </ul>
 * The prefixes differ in their second character, so no key can make two of them collide, and no other field of the
 * index starts with one of them.
 */
public final class MetadataFields {

    static final String EXACT = "m.";
    static final String FOLDED = "mi.";
    static final String LOWER = "ml.";
    static final String NUMBER = "mn.";

    private MetadataFields() {
    }

    public static void addTo(Document record, Map<String, Object> metadata) {
        metadata.forEach((key, raw) -> {
            for (String value : MetadataFilter.values(raw)) {
                record.add(new StringField(EXACT + key, value, Field.Store.NO));
                record.add(new StringField(FOLDED + key, fold(value), Field.Store.NO));
                record.add(new StringField(LOWER + key, lower(value), Field.Store.NO));
            }
            Double number = MetadataFilter.asNumber(raw);
            if (number != null) {
                record.add(new DoublePoint(NUMBER + key, normalise(number)));
            }
        });
    }

    static String fold(String text) {
        return MetadataFilter.fold(text);
    }

    static String lower(String text) {
        return MetadataFilter.lower(text);
    }

    /**
     * Java compares -0.0 and 0.0 as equal but points order them apart; adding 0.0 turns -0.0 into 0.0 and leaves
     * every other value (NaN included) as it is.
     */
    static double normalise(double number) {
        return number + 0.0;
    }
}
