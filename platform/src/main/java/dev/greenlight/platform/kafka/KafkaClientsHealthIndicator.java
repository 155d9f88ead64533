package dev.greenlight.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * DOWN when a Kafka client of the service has died while the service still answers HTTP: a Kafka
 * Streams client in {@code ERROR}, {@code PENDING_SHUTDOWN} or {@code NOT_RUNNING} after it had been
 * started, or a listener container that is not in the state it should be (it stopped on a fatal error
 * rather than being stopped). Part of the {@code liveness} group, so an orchestrator restarts the
 * process instead of leaving a service that looks healthy and processes nothing.
 */
class KafkaClientsHealthIndicator implements HealthIndicator {

    private final Supplier<Collection<StreamsBuilderFactoryBean>> streams;
    private final Supplier<Collection<MessageListenerContainer>> containers;

    KafkaClientsHealthIndicator(Supplier<Collection<StreamsBuilderFactoryBean>> streams,
            Supplier<Collection<MessageListenerContainer>> containers) {
        this.streams = streams;
        this.containers = containers;
    }

    @Override
    public Health health() {
        List<String> dead = new ArrayList<>();
        for (StreamsBuilderFactoryBean factory : streams.get()) {
            KafkaStreams client = factory.getKafkaStreams();
            if (client == null) {
                continue;
            }
            KafkaStreams.State state = client.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                    || (factory.isRunning() && (state == KafkaStreams.State.PENDING_SHUTDOWN
                    || state == KafkaStreams.State.NOT_RUNNING))) {
                dead.add("Kafka Streams " + applicationId(factory) + " is " + state);
            }
        }
        for (MessageListenerContainer container : containers.get()) {
            if (!container.isInExpectedState()) {
                dead.add("listener container " + container.getListenerId() + " stopped");
            }
        }
        return dead.isEmpty() ? Health.up().build() : Health.down().withDetail("dead", dead).build();
    }

    private static String applicationId(StreamsBuilderFactoryBean factory) {
        var config = factory.getStreamsConfiguration();
        return config == null ? "?" : String.valueOf(config.get("application.id"));
    }
}
