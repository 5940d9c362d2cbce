package io.hippocamel.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hippocamel.store.MemoryStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-tenant settings service, on the store's coordination records. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    SettingsService settingsService(MemoryStore store, ObjectMapper json) {
        return new SettingsService(store, json);
    }
}
