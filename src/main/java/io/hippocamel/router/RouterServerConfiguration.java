package io.hippocamel.router;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The router's timeouts where the server and Camel apply them: upstream silence on Camel's http component, and the
 * servlet async timeout (platform-http answers through Spring MVC async requests, which the container would
 * otherwise cut after its own default, 30 s on Tomcat) set past the router's limits.
 */
@Configuration(proxyBeanMethods = false)
public class RouterServerConfiguration {

    @Bean
    WebMvcConfigurer routerAsyncTimeout(RouterProperties router) {
        long millis = router.asyncRequestTimeout().toMillis();
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(millis);
            }
        };
    }

    @Bean
    CamelContextConfiguration routerUpstreamTimeouts(RouterProperties router) {
        long millis = router.getUpstreamTimeout().toMillis();
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                HttpComponent http = camelContext.getComponent("http", HttpComponent.class);
                http.setResponseTimeout(millis);
                http.setSoTimeout(millis);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }
}
