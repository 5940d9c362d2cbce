package io.hippocamel.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every part shares: the clock. Each part wires its own beans in its own {@code *Configuration}. */
@Configuration(proxyBeanMethods = false)
public class HippocamelConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
