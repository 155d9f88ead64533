package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.RegistryOutage;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The health every service's Kafka side shares: {@code kafkaClients} (a dead Streams client or a
 * stopped listener container; services put it in their {@code liveness} group) and
 * {@code schemaRegistry} (DOWN once the registry has been unavailable to the consumers for
 * {@code greenlight.registry.outage-down-after}).
 */
@AutoConfiguration(after = GreenlightKafkaAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, KafkaListenerEndpointRegistry.class})
@EnableConfigurationProperties(GreenlightProperties.class)
public class GreenlightHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaClientsHealthIndicator")
    HealthIndicator kafkaClientsHealthIndicator(ObjectProvider<StreamsBuilderFactoryBean> streams,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new KafkaClientsHealthIndicator(() -> streams.orderedStream().toList(),
                () -> listeners.getIfAvailable() == null ? List.of()
                        : listeners.getIfAvailable().getAllListenerContainers());
    }

    @Bean
    @ConditionalOnBean(RegistryOutage.class)
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    HealthIndicator schemaRegistryHealthIndicator(RegistryOutage outage, GreenlightProperties properties) {
        return new RegistryOutageHealthIndicator(outage, properties.registry().outageDownAfter());
    }
}
