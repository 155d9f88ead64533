package dev.greenlight.gate.integration;

import dev.greenlight.gate.integration.domain.FlaggerMapping;
import dev.greenlight.gate.integration.kafka.RollbackSignalFeed;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the integrations for progressive-delivery tools: the verdict endpoint and the Flagger
 * webhook read the gate's state; the Flagger rollback webhook also reads the kill switch and the
 * rollout-controller's rollbacks through {@link RollbackSignalFeed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlaggerProperties.class)
class IntegrationConfiguration {

    @Bean
    RollbackSignalFeed rollbackSignalFeed(KafkaProperties kafka, SchemaRegistryClient registry) {
        return new RollbackSignalFeed(kafka.buildConsumerProperties(), registry);
    }

    @Bean
    FlaggerMapping flaggerMapping(FlaggerProperties properties) {
        return new FlaggerMapping(properties.targets(), properties.defaultStage());
    }
}
