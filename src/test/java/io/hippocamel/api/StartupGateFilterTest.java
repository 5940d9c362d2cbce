package io.hippocamel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Until the Camel context has started, requests get 503 + Retry-After; afterwards they pass. */
class StartupGateFilterTest {

    @Test
    @DisplayName("503 with Retry-After before Camel has started, through afterwards")
    void gate() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("camelContext", camel);
        StartupGateFilter filter = new StartupGateFilter(beans.getBeanProvider(CamelContext.class));

        MockHttpServletResponse early = new MockHttpServletResponse();
        MockFilterChain earlyChain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("GET", "/health"), early, earlyChain);
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).isEqualTo("1");
        assertThat(early.getContentAsString()).contains("\"error\":\"Starting\"");
        assertThat(earlyChain.getRequest()).isNull();

        camel.start();
        try {
            MockHttpServletResponse later = new MockHttpServletResponse();
            MockFilterChain laterChain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("GET", "/health"), later, laterChain);
            assertThat(laterChain.getRequest()).isNotNull();
            assertThat(later.getStatus()).isEqualTo(200);
        } finally {
            camel.stop();
        }
    }
}
