package dev.greenlight.rollout.web;

import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.kafka.RolloutTopology;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Interactive queries on the state store. With one instance every target is local; with several,
 * a target owned by another instance reads as unknown — routing to the owner is not built yet.
 */
@Component
class StreamsRolloutQueries implements RolloutQueries {

    private final StreamsBuilderFactoryBean streams;

    StreamsRolloutQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    @Override
    public Optional<TargetState> target(String target) {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (kafkaStreams == null) {
            throw new InvalidStateStoreException("Kafka Streams has not started");
        }
        ReadOnlyKeyValueStore<String, TargetState> store = kafkaStreams.store(StoreQueryParameters
                .fromNameAndType(RolloutTopology.STATE_STORE, QueryableStoreTypes.keyValueStore()));
        return Optional.ofNullable(store.get(target));
    }
}
