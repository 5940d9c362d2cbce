package io.hippocamel.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.core.MetadataFilter;
import io.hippocamel.core.MetadataFilter.Condition;
import io.hippocamel.core.MetadataFilter.FilterType;
import io.hippocamel.core.MetadataFilter.NumericOperator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FilterParserTest {

    private final ObjectMapper json = new ObjectMapper();
    private final FilterParser parser = new FilterParser(json);

    private MetadataFilter parse(String filter) throws Exception {
        return parser.parse(json.readTree(filter));
    }

    @Test
    @DisplayName("conditions of every type, with defaults, parse to the typed tree")
    void parsesEveryConditionType() throws Exception {
        MetadataFilter f = parse("""
                {"AND":[
                  {"key":"category","value":"tech"},
                  {"key":"year","value":"2020","filterType":"numeric","numericOperator":">=","negate":"true"},
                  {"key":"tags","value":"ai","filterType":"array_contains"},
                  {"key":"title","value":"GUIDE","filterType":"string_contains","ignoreCase":true},
                  {"OR":[{"key":"a","value":"1"},{"key":"b","value":"2","negate":true}]}
                ]}""");
        assertThat(f).isEqualTo(new MetadataFilter.And(List.of(
                new Condition("category", "tech", FilterType.METADATA, NumericOperator.EQ, false, false),
                new Condition("year", "2020", FilterType.NUMERIC, NumericOperator.GTE, true, false),
                new Condition("tags", "ai", FilterType.ARRAY_CONTAINS, NumericOperator.EQ, false, false),
                new Condition("title", "GUIDE", FilterType.STRING_CONTAINS, NumericOperator.EQ, false, true),
                new MetadataFilter.Or(List.of(
                        new Condition("a", "1", FilterType.METADATA, NumericOperator.EQ, false, false),
                        new Condition("b", "2", FilterType.METADATA, NumericOperator.EQ, true, false))))));
    }

    @Test
    @DisplayName("a filter sent as a JSON string is accepted")
    void acceptsJsonString() throws Exception {
        JsonNode asString = json.getNodeFactory().textNode("{\"OR\":[{\"key\":\"k\",\"value\":\"v\"}]}");
        assertThat(parser.parse(asString)).isEqualTo(parse("{\"OR\":[{\"key\":\"k\",\"value\":\"v\"}]}"));
    }

    @Test
    @DisplayName("absent, null and empty filters mean no filter")
    void emptyMeansNone() throws Exception {
        assertThat(parser.parse(null)).isNull();
        assertThat(parse("null")).isNull();
        assertThat(parse("{}")).isNull();
        assertThat(parser.parse(json.getNodeFactory().textNode(""))).isNull();
    }

    @Test
    @DisplayName("negated numeric conditions flip the operator, as Supermemory documents")
    void negatedNumericFlips() throws Exception {
        MetadataFilter f = parse("{\"AND\":[{\"key\":\"n\",\"value\":\"5\",\"filterType\":\"numeric\","
                + "\"numericOperator\":\">\",\"negate\":true}]}");
        Condition c = (Condition) ((MetadataFilter.And) f).children().get(0);
        assertThat(c.effectiveOperator()).isEqualTo(NumericOperator.LTE);
        assertThat(f.matches(Map.of("n", 5))).isTrue();
        assertThat(f.matches(Map.of("n", 6))).isFalse();
        assertThat(f.matches(Map.of())).isFalse();
    }

    @Test
    @DisplayName("nesting deeper than 8 levels is refused")
    void depthLimit() {
        String deep = "{\"AND\":[".repeat(9) + "{\"key\":\"k\",\"value\":\"v\"}" + "]}".repeat(9);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(InvalidFilterException.class).hasMessageContaining("8");
        String ok = "{\"AND\":[".repeat(8) + "{\"key\":\"k\",\"value\":\"v\"}" + "]}".repeat(8);
        org.assertj.core.api.Assertions.assertThatCode(() -> parse(ok)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("more than 200 conditions are refused")
    void conditionLimit() {
        String many = "{\"OR\":[" + "{\"key\":\"k\",\"value\":\"v\"},".repeat(200) + "{\"key\":\"k\",\"value\":\"v\"}]}";
        assertThatThrownBy(() -> parse(many)).isInstanceOf(InvalidFilterException.class).hasMessageContaining("200");
    }

    @Test
    @DisplayName("malformed filters are refused with a message naming the problem")
    void malformed() {
        assertThatThrownBy(() -> parse("{\"AND\":{}}")).hasMessageContaining("array");
        assertThatThrownBy(() -> parse("{\"AND\":[],\"OR\":[]}")).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> parse("{\"XOR\":[]}")).hasMessageContaining("AND or OR");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"value\":\"v\"}]}")).hasMessageContaining("key");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"key\":\"k\"}]}")).hasMessageContaining("value");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"key\":\"k\",\"value\":\"x\",\"filterType\":\"numeric\"}]}"))
                .hasMessageContaining("numeric value");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"key\":\"k\",\"value\":\"1\",\"filterType\":\"numeric\","
                + "\"numericOperator\":\"~\"}]}")).hasMessageContaining("numericOperator");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"key\":\"k\",\"value\":\"1\",\"filterType\":\"numeric\","
                + "\"numericOperator\":\"!=\"}]}")).hasMessageContaining("numericOperator");
        assertThatThrownBy(() -> parse("{\"AND\":[{\"key\":\"k\",\"value\":\"1\",\"filterType\":\"fuzzy\"}]}"))
                .hasMessageContaining("filterType");
        assertThatThrownBy(() -> parser.parse(json.getNodeFactory().textNode("{not json")))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("[1]")).hasMessageContaining("object");
    }
}
