package io.hippocamel.store.lucene;

import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Translates a {@link MetadataFilter} into a Lucene query over the fields {@link MetadataFields} indexes, matching
 * exactly the records whose metadata {@link MetadataFilter#matches} accepts. The query is meant as a FILTER clause
 * next to the kind and scope clauses, which is why negations may start from "all documents".
 */
public final class LuceneFilterQueries {

    private LuceneFilterQueries() {
    }

    public static Query toQuery(MetadataFilter filter) {
        if (filter instanceof MetadataFilter.And and) {
            return combine(and.children(), Occur.FILTER, new MatchAllDocsQuery());
        }
        if (filter instanceof MetadataFilter.Or or) {
            return combine(or.children(), Occur.SHOULD, new MatchNoDocsQuery("empty OR"));
        }
        Condition condition = (Condition) filter;
        Objects.requireNonNull(condition.key(), "filter key");
        Objects.requireNonNull(condition.value(), "filter value");
        return switch (condition.type()) {
            case NUMERIC -> numeric(condition);
            case METADATA, ARRAY_CONTAINS -> negateIf(condition.negate(), equalsQuery(condition));
            case STRING_CONTAINS -> negateIf(condition.negate(), containsQuery(condition));
        };
    }

    private static Query combine(List<MetadataFilter> children, Occur occur, Query whenEmpty) {
        if (children.isEmpty()) {
            return whenEmpty;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        children.forEach(child -> query.add(toQuery(child), occur));
        return query.build();
    }

    private static Query equalsQuery(Condition c) {
        return c.ignoreCase()
                ? new TermQuery(new Term(MetadataFields.FOLDED + c.key(), MetadataFields.fold(c.value())))
                : new TermQuery(new Term(MetadataFields.EXACT + c.key(), c.value()));
    }

    private static Query containsQuery(Condition c) {
        String field = (c.ignoreCase() ? MetadataFields.LOWER : MetadataFields.EXACT) + c.key();
        String value = c.ignoreCase() ? MetadataFields.lower(c.value()) : c.value();
        return new WildcardQuery(new Term(field, "*" + escapeWildcards(value) + "*"));
    }

    /** Non-numeric negation: every record the condition does not match, those without the key included. */
    private static Query negateIf(boolean negate, Query positive) {
        if (!negate) {
            return positive;
        }
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(positive, Occur.MUST_NOT)
                .build();
    }

    /**
     * A numeric condition with its effective (negation-flipped) operator. Records without a number under the key never
     * match, so negation needs no complement here. Bounds follow Java's double comparisons: NaN compares false except
     * with !=, infinities are ordinary bounds.
     */
    private static Query numeric(Condition c) {
        String field = MetadataFields.NUMBER + c.key();
        double x = MetadataFields.normalise(Double.parseDouble(c.value()));
        NumericOperator op = c.effectiveOperator();
        if (Double.isNaN(x)) {
            return op == NumericOperator.NEQ ? hasNumber(field) : new MatchNoDocsQuery("NaN compares false");
        }
        return switch (op) {
            case EQ -> DoublePoint.newExactQuery(field, x);
            case NEQ -> new BooleanQuery.Builder()
                    .add(hasNumber(field), Occur.FILTER)
                    .add(DoublePoint.newExactQuery(field, x), Occur.MUST_NOT)
                    .build();
            case GT -> x == Double.POSITIVE_INFINITY
                    ? new MatchNoDocsQuery("nothing above +Infinity")
                    : DoublePoint.newRangeQuery(field, Math.nextUp(x), Double.POSITIVE_INFINITY);
            case GTE -> DoublePoint.newRangeQuery(field, x, Double.POSITIVE_INFINITY);
            case LT -> x == Double.NEGATIVE_INFINITY
                    ? new MatchNoDocsQuery("nothing below -Infinity")
                    : DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, Math.nextDown(x));
            case LTE -> DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, x);
        };
    }

    /**
     * Records with any number under the key, NaN included: points order NaN above +Infinity, so the range from
     * -Infinity up to NaN covers every indexed value.
     */
    private static Query hasNumber(String field) {
        return DoublePoint.newRangeQuery(field, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    private static String escapeWildcards(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == WildcardQuery.WILDCARD_STRING || ch == WildcardQuery.WILDCARD_CHAR
                    || ch == WildcardQuery.WILDCARD_ESCAPE) {
                escaped.append(WildcardQuery.WILDCARD_ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }
}
