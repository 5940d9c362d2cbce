package io.hippocamel.store.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import java.util.List;
import java.util.Objects;

/**
 * Translates a {@link MetadataFilter} into an Elasticsearch query over the fields {@link EsMetadataTerms} indexes,
 * matching exactly the documents {@link MetadataFilter#matches} accepts (the Lucene store's translation, clause for
 * clause). Used as a filter next to the scope clauses.
 */
public final class EsFilterQueries {

    private EsFilterQueries() {
    }

    public static Query toQuery(MetadataFilter filter) {
        if (filter instanceof MetadataFilter.And and) {
            return and.children().isEmpty() ? matchAll()
                    : Query.of(q -> q.bool(b -> b.filter(queries(and.children()))));
        }
        if (filter instanceof MetadataFilter.Or or) {
            return or.children().isEmpty() ? matchNone()
                    : Query.of(q -> q.bool(b -> b.should(queries(or.children())).minimumShouldMatch("1")));
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

    private static List<Query> queries(List<MetadataFilter> filters) {
        return filters.stream().map(EsFilterQueries::toQuery).toList();
    }

    private static Query equalsQuery(Condition c) {
        return c.ignoreCase()
                ? term(EsMetadataTerms.FOLDED, EsMetadataTerms.term(c.key(), EsMetadataTerms.fold(c.value())))
                : term(EsMetadataTerms.EXACT, EsMetadataTerms.term(c.key(), c.value()));
    }

    private static Query containsQuery(Condition c) {
        String field = c.ignoreCase() ? EsMetadataTerms.LOWER : EsMetadataTerms.EXACT;
        String value = c.ignoreCase() ? EsMetadataTerms.lower(c.value()) : c.value();
        String pattern = escapeWildcards(c.key()) + EsMetadataTerms.SEPARATOR + "*" + escapeWildcards(value) + "*";
        return Query.of(q -> q.wildcard(w -> w.field(field).value(pattern)));
    }

    /** Non-numeric negation: every document the condition does not match, those without the key included. */
    private static Query negateIf(boolean negate, Query positive) {
        return negate ? Query.of(q -> q.bool(b -> b.filter(matchAll()).mustNot(positive))) : positive;
    }

    /**
     * A numeric condition with its effective (negation-flipped) operator; documents without a number under the key
     * never match. Bounds follow Java's double comparisons: NaN compares false except with !=.
     */
    private static Query numeric(Condition c) {
        String key = c.key();
        double x = Double.parseDouble(c.value()) + 0.0;
        NumericOperator op = c.effectiveOperator();
        if (Double.isNaN(x)) {
            return op == NumericOperator.NEQ ? hasNumber(key) : matchNone();
        }
        return switch (op) {
            case EQ -> term(EsMetadataTerms.NUMBER, EsMetadataTerms.number(key, x));
            case NEQ -> Query.of(q -> q.bool(b -> b.filter(hasNumber(key))
                    .mustNot(term(EsMetadataTerms.NUMBER, EsMetadataTerms.number(key, x)))));
            case GT -> x == Double.POSITIVE_INFINITY ? matchNone()
                    : between(key, Math.nextUp(x), Double.POSITIVE_INFINITY);
            case GTE -> between(key, x, Double.POSITIVE_INFINITY);
            case LT -> x == Double.NEGATIVE_INFINITY ? matchNone()
                    : between(key, Double.NEGATIVE_INFINITY, Math.nextDown(x));
            case LTE -> between(key, Double.NEGATIVE_INFINITY, x);
        };
    }

    /** Any number under the key, NaN included: NaN sorts above +Infinity. */
    private static Query hasNumber(String key) {
        return between(key, Double.NEGATIVE_INFINITY, Double.NaN);
    }

    private static Query between(String key, double from, double to) {
        String lower = EsMetadataTerms.number(key, from);
        String upper = EsMetadataTerms.number(key, to);
        return Query.of(q -> q.range(r -> r.term(t -> t.field(EsMetadataTerms.NUMBER).gte(lower).lte(upper))));
    }

    public static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query matchAll() {
        return Query.of(q -> q.matchAll(m -> m));
    }

    static Query matchNone() {
        return Query.of(q -> q.matchNone(m -> m));
    }

    private static String escapeWildcards(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            if (ch == '*' || ch == '?' || ch == '\\') {
                escaped.append('\\');
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }
}
