package dev.greenlight.rollout.kafka;

import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.evidence.policies.PolicyDirectory;
import dev.greenlight.rollout.domain.RolloutMachine;
import dev.greenlight.rollout.domain.RolloutSettings;
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

    /** The policies the gate announced; a decision's policy is waited for a little, as its announcement may lag. */
    @Bean
    RolloutPolicies rolloutPolicies(PolicyDirectory directory) {
        return RolloutPolicies.announced(directory, Duration.ofSeconds(10));
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
                           RolloutPolicies policies, Clock clock, RolloutProperties properties) {
        Duration tick = properties.tickInterval();
        RolloutTopology.build(builder, serdes, machine, policies, clock, tick);
        return RolloutTopology.STATE_STORE;
    }
}
