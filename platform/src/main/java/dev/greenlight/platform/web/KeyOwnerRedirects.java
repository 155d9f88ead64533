package dev.greenlight.platform.web;

import java.net.URI;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a request about a key to the instance of a scaled-out Kafka Streams service that owns the
 * key's partition. Each instance holds the state stores of its own partitions only, so an instance
 * asked about a key it does not own answers {@code 307 Temporary Redirect} with the owner's URL for
 * the same path and query (method and body kept) instead of a wrong 404 or a proxied call.
 *
 * <p>Instances find each other through Kafka Streams: each advertises the {@code host:port} its
 * HTTP API is reached at as {@code application.server} (Streams property), and
 * {@link KafkaStreams#queryMetadataForKey} names the active owner of a key. Without
 * {@code application.server} (one instance) every key is local and nothing is looked up.
 *
 * <p>While the owner is unknown (a rebalance) or this instance's own copy is not queryable yet
 * (restoring, or a partition just moved away), an {@link InvalidStateStoreException} is thrown: the
 * services answer it with 503 and {@code Retry-After}. Authentication is not done here: the
 * security filter chain has refused an unauthenticated caller before any controller runs, so a
 * redirect (which reveals which instance holds a key) is only ever given to an authenticated one.
 * Shared by the gate-evaluator and the rollout-controller, so both redirect the same way.
 */
public final class KeyOwnerRedirects {

    private static final StringSerializer KEYS = new StringSerializer();

    private final StreamsBuilderFactoryBean streams;

    public KeyOwnerRedirects(StreamsBuilderFactoryBean streams) {
        this.streams = streams;
    }

    /**
     * The owner of {@code key} in {@code store} when it is another instance; empty when this
     * instance holds the key's partition as an active task, or when instances do not advertise
     * themselves (a single instance).
     *
     * @throws InvalidStateStoreException while the answer is not known: Streams not running, the
     *                                    owner unknown (rebalancing), or the local copy not queryable
     */
    public Optional<HostInfo> ownerElsewhere(String store, String key) {
        Optional<HostInfo> self = advertised();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        KafkaStreams kafkaStreams = running();
        KeyQueryMetadata owner = kafkaStreams.queryMetadataForKey(store, key, KEYS);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost() == null
                || owner.activeHost().port() < 0) {
            throw new InvalidStateStoreException("the owner of " + key + " is not known yet (rebalancing)");
        }
        if (!owner.activeHost().equals(self.get())) {
            return Optional.of(owner.activeHost());
        }
        // The metadata says "here": make sure the partition is an active, queryable task of this
        // instance, so a stale assignment or a restoring store is a 503, never a 404 from an empty
        // or partial store. Throws InvalidStateStoreException otherwise.
        kafkaStreams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore())
                .withPartition(owner.partition()));
        return Optional.empty();
    }

    /**
     * {@code 307 Temporary Redirect} to the request being handled, at {@code owner}: same scheme,
     * path and query, the owner's host and port. 307 (not 302/303) so a command keeps its method
     * and body.
     */
    public static <T> ResponseEntity<T> redirectTo(HostInfo owner) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().host(owner.host()).port(owner.port())
                // The request's path and query are already percent-encoded: keep them verbatim.
                .build(true).toUri();
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(location).build();
    }

    private Optional<HostInfo> advertised() {
        Properties configuration = streams.getStreamsConfiguration();
        Object self = configuration == null ? null : configuration.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        return self == null || self.toString().isBlank() ? Optional.empty()
                : Optional.of(HostInfo.buildFromEndpoint(self.toString()));
    }

    private KafkaStreams running() {
        KafkaStreams kafkaStreams = streams.getKafkaStreams();
        KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
        if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
            throw new InvalidStateStoreException("Kafka Streams is not running (" + state + ")");
        }
        return kafkaStreams;
    }
}
