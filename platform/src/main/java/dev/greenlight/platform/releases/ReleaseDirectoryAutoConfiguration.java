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
 * Gives every service a {@link ReleaseDirectory}: one consumer and a map of the registered
 * releases, cheap enough to be on by default. Turn it off with
 * {@code greenlight.releases.directory.enabled=false}.
 */
@AutoConfiguration(after = GreenlightKafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(name = "greenlight.releases.directory.enabled", matchIfMissing = true)
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
