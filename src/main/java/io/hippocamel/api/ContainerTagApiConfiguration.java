package io.hippocamel.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.settings.SettingsService;
import io.hippocamel.tags.ContainerTagService;
import io.hippocamel.tenancy.ApiKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code /v3/container-tags} and {@code /v3/settings} routes and handlers. */
@Configuration(proxyBeanMethods = false)
public class ContainerTagApiConfiguration {

    @Bean
    ContainerTagApiRoutes containerTagApiRoutes(ApiKeys keys, ContainerTagService tags, SettingsService settings,
                                                ObjectMapper json, JsonResponseWriter writer) {
        RequestReader reader = new RequestReader(json);
        return new ContainerTagApiRoutes(new Authenticator(keys), new ContainerTagApi(tags, reader),
                new SettingsApi(settings, reader), writer);
    }
}
