package dev.greenlight.evidence.policies;

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
 * Gives a service that asks for it ({@code greenlight.policies.directory.enabled=true}) a
 * {@link PolicyDirectory} of the policies the gate announced. Opt-in, like the release directory:
 * it holds readiness until the policies topic has been read.
 */
@AutoConfiguration(after = GreenlightKafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnProperty(name = "greenlight.policies.directory.enabled", havingValue = "true")
public class PolicyDirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PolicyDirectory policyDirectory(KafkaProperties kafka, SchemaRegistryClient registry) {
        return PolicyDirectory.fromConfig(kafka.buildConsumerProperties(), registry);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        /** Named so the health endpoint shows it as {@code policyDirectory}. */
        @Bean
        @ConditionalOnMissingBean(name = "policyDirectoryHealthIndicator")
        PolicyDirectoryHealthIndicator policyDirectoryHealthIndicator(PolicyDirectory policyDirectory) {
            return new PolicyDirectoryHealthIndicator(policyDirectory);
        }
    }
}
