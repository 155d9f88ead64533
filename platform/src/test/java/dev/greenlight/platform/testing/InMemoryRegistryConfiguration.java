package dev.greenlight.platform.testing;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** For service tests that need a real broker but not a registry process: ids come from memory. */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryRegistryConfiguration {

    @Bean
    public SchemaRegistryClient schemaRegistryClient() {
        return new InMemorySchemaRegistryClient();
    }
}
