package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Interactive queries over the gate topology's stores, so callers need not know the store key
 * format. Stores are partitioned by target (the topics' key), which is therefore the key to ask
 * {@link KafkaStreams#queryMetadataForKey} for when locating the instance that owns a release.
 */
public final class GateStateQueries {

    private static final StringSerializer KEYS = new StringSerializer();

    private GateStateQueries() {
    }

    /** The instance owning {@code target}'s partition; {@link KeyQueryMetadata#NOT_AVAILABLE} while rebalancing. */
    public static KeyQueryMetadata owner(KafkaStreams streams, String target) {
        return streams.queryMetadataForKey(GateTopology.RELEASES_STORE, target, KEYS);
    }

    /** The release and its current decisions from this instance's stores; empty if unknown here. */
    public static Optional<ReleaseState> release(KafkaStreams streams, String target, String version) {
        String releaseKey = StoreKeys.release(target, version);
        if (!(store(streams, GateTopology.RELEASES_STORE).get(releaseKey) instanceof ReleaseRegistered release)) {
            return Optional.empty();
        }
        List<GateDecided> decisions = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Object> decisionStore = store(streams, GateTopology.DECISIONS_STORE);
        try (KeyValueIterator<String, Object> it = decisionStore.prefixScan(releaseKey + StoreKeys.SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> decisions.add((GateDecided) kv.value));
        }
        return Optional.of(new ReleaseState(release, decisions));
    }

    private static ReadOnlyKeyValueStore<String, Object> store(KafkaStreams streams, String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
