package dev.greenlight.platform.releases;

import dev.greenlight.platform.kafka.GreenlightKafkaAutoConfiguration;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Gives a service that asks for it ({@code greenlight.releases.directory.enabled=true}) a
 * {@link ReleaseDirectory}: one consumer and a map of the registered releases. Opt-in, because
 * the directory holds the service's readiness until it has read the whole releases topic, which a
 * service that never looks releases up should not wait for.
 */
@AutoConfiguration(after = GreenlightKafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(name = "greenlight.releases.directory.enabled", havingValue = "true")
public class ReleaseDirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReleaseDirectory releaseDirectory(KafkaProperties kafka, SchemaRegistryClient registry) {
        return ReleaseDirectory.fromConfig(kafka.buildConsumerProperties(), registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        /** Named so the health endpoint shows it as {@code releaseDirectory}. */
        @Bean
        @ConditionalOnMissingBean(name = "releaseDirectoryHealthIndicator")
        ReleaseDirectoryHealthIndicator releaseDirectoryHealthIndicator(ReleaseDirectory releaseDirectory) {
            return new ReleaseDirectoryHealthIndicator(releaseDirectory);
        }
    }
}
