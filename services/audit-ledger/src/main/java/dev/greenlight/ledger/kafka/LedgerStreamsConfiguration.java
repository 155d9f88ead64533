package dev.greenlight.ledger.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The streaming reader whole-ledger requests (verify, full export) use, next to the writer's beans. */
@Configuration(proxyBeanMethods = false)
class LedgerStreamsConfiguration {

    @Bean
    LedgerStreams ledgerStreams(KafkaProperties kafka, SchemaRegistryClient registry) {
        return new LedgerStreams(kafka.buildConsumerProperties(), registry);
    }
}
