package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hippocamel.testsupport.ServerTestSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.context.ApplicationContext;

/** Spring Boot's management endpoints: closed to anonymous callers; health tells the truth on the embedded store. */
class ManagementEndpointsTest extends ServerTestSupport {

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/metrics", "/actuator/metrics/http.server.requests",
        "/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/configprops", "/actuator/mappings",
        "/actuator/loggers", "/actuator/threaddump", "/actuator/heapdump", "/actuator/camelroutes"})
    @DisplayName("anonymous management calls get a 401 or 404 JSON error, never data")
    void anonymousManagementCallsAreRefused(String path) {
        Response r = call("GET", path, null, null);
        assertThat(r.status()).as("%s: %s", path, r.text()).isIn(401, 404);
        assertThat(r.json()).as("%s: %s", path, r.text()).isNotNull();
        assertThat(r.json().has("error")).as(r.text()).isTrue();
        assertThat(r.json().has("details")).as(r.text()).isTrue();
        assertThat(r.text()).doesNotContain("_links", "propertySources", "http.server.requests", "contexts");
    }

    @Test
    @DisplayName("with an API key, endpoints that are not exposed are still 404")
    void unexposedEndpointsAreAbsentEvenWithAKey() {
        for (String path : new String[] {"/actuator/metrics", "/actuator/env", "/actuator/beans"}) {
            Response r = call("GET", path, null, KEY_A);
            assertThat(r.status()).as("%s: %s", path, r.text()).isEqualTo(404);
            assertThat(r.json().get("error").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    @DisplayName("/actuator/health is 200 UP on the embedded store, status only, no Elasticsearch check")
    void healthIsUpOnTheEmbeddedStore() {
        Response r = call("GET", "/actuator/health", null, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
        assertThat(r.json().has("components")).as(r.text()).isFalse();
        assertThat(r.json().has("details")).as(r.text()).isFalse();
        // Spring Boot's own Elasticsearch client and health check (a connection to localhost:9200) are not there
        assertThat(context.getBeanNamesForType(HealthContributor.class))
                .noneMatch(name -> name.toLowerCase().contains("elasticsearch"));
        assertThat(context.getBeanNamesForType(org.elasticsearch.client.RestClient.class)).isEmpty();
    }
}
