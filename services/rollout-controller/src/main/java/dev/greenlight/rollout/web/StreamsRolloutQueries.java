package dev.greenlight.rollout.web;

import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.kafka.RolloutTopology;
import java.util.Optional;
import dev.greenlight.platform.web.KeyOwnerRedirects;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Interactive queries on the state store. With one instance every target is local. Scaled out,
 * instances advertise themselves ({@code application.server=host:port} in the Streams properties)
 * and {@link #ownerElsewhere} names the owner of a target held elsewhere (platform
 * {@link KeyOwnerRedirects}), so the API can redirect; while the owner is unknown (rebalancing) the
 * store counts as not ready.
 */
@Component
class StreamsRolloutQueries implements RolloutQueries {

    private final StreamsBuilderFactoryBean streams;
    private final KeyOwnerRedirects owners;

    StreamsRolloutQueries(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
        this.owners = new KeyOwnerRedirects(streams);
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

    @Override
    public Optional<HostInfo> ownerElsewhere(String target) {
        return owners.ownerElsewhere(RolloutTopology.STATE_STORE, target);
    }
}
