package io.hippocamel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the Hippocamel server: Memory API, ingest pipeline and store. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HippocamelApplication {

    public static void main(String[] args) {
        SpringApplication.run(HippocamelApplication.class, args);
    }
}
