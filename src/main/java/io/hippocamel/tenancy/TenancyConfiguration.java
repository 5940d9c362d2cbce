package io.hippocamel.tenancy;

import io.hippocamel.config.HippocamelProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's API keys, each a tenant. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean
    ApiKeys apiKeys(HippocamelProperties props) {
        return new ApiKeys(props.getApiKeys(), props.getDataDir());
    }
}
