package dev.greenlight.rollout.kafka;

import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;

/** Wires the rollout state machine and its topology into the service's Kafka Streams application. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(RolloutProperties.class)
class RolloutConfiguration {

    @Bean
    PolicyCatalog policyCatalog(RolloutProperties properties) {
        return PolicyCatalog.load(Path.of(properties.policiesDir()));
    }

    @Bean
    RolloutMachine rolloutMachine(Clock clock, RolloutProperties properties) {
        RolloutSettings defaults = RolloutSettings.defaults();
        return new RolloutMachine(clock, new RolloutSettings(properties.checkpoints(), properties.stageCheckpoints(),
                properties.ackTimeout(), defaults.postMortemDue(),
                defaults.properReleaseDue()));
    }

    @Bean
    Object rolloutTopology(StreamsBuilder builder, TopicSerdes serdes, RolloutMachine machine,
                           PolicyCatalog policies, Clock clock, RolloutProperties properties) {
        Duration tick = properties.tickInterval();
        RolloutTopology.build(builder, serdes, machine, policies, clock, tick);
        return RolloutTopology.STATE_STORE;
    }
}
