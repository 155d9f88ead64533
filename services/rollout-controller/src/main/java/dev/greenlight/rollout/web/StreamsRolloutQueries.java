package dev.greenlight.rollout.web;

import dev.greenlight.rollout.domain.TargetState;
import dev.greenlight.rollout.kafka.RolloutTopology;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
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
 * and {@link #ownerElsewhere} names the owner of a target held elsewhere, so the API can redirect;
 * while the owner is unknown (rebalancing) the store counts as not ready.
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

    @Override
    public Optional<String> ownerElsewhere(String target) {
        Object self = streams.getStreamsConfiguration() == null ? null
                : streams.getStreamsConfiguration().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        if (self == null || self.toString().isBlank() || kafkaStreams == null) {
            return Optional.empty();
        }
        KeyQueryMetadata owner = kafkaStreams.queryMetadataForKey(RolloutTopology.STATE_STORE, target,
                Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("owner of " + target + " is not known yet");
        }
        HostInfo active = owner.activeHost();
        return HostInfo.buildFromEndpoint(self.toString()).equals(active) ? Optional.empty()
                : Optional.of(active.host() + ":" + active.port());
    }
}
