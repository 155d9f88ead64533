package dev.greenlight.registry;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The embedded schema registry: the Confluent Schema Registry REST API over a compacted
 * {@code _schemas} topic. Used by the local stack and tests; production points every service at a
 * real Confluent Schema Registry instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchemaRegistryApplication {

    /** Base name of this application's configuration file ({@code schema-registry.yml}). */
    public static final String CONFIG_NAME = "schema-registry";

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SchemaRegistryApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
