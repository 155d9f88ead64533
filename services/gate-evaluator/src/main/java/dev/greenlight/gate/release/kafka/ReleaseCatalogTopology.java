package dev.greenlight.gate.release.kafka;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.topics.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The gate-evaluator's view of which releases exist: a state store keyed by
 * {@code target@version}, folded from the releases topic. It is the anchor every later fold of
 * evidence attaches to, and it is rebuilt from its changelog rather than held in memory, so a
 * restarted or rebalanced instance answers the same.
 *
 * <p>The first registration of a release wins: check-ingest refuses a conflicting re-registration,
 * and a retried identical one must not change what the evaluator knows.
 */
public final class ReleaseCatalogTopology {

    /** Name of the queryable store of known releases. */
    public static final String STORE = "releases";

    private ReleaseCatalogTopology() {
    }

    public static void build(StreamsBuilder builder, Serde<ReleaseRegistered> releaseSerde) {
        builder.stream(Topics.RELEASES.name(), Consumed.with(Serdes.String(), releaseSerde))
                .selectKey((target, release) -> releaseId(release))
                .groupByKey(Grouped.with("releases-by-id", Serdes.String(), releaseSerde))
                .reduce((first, again) -> first,
                        Materialized.<String, ReleaseRegistered, KeyValueStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(releaseSerde));
    }

    /** The key of a release in the store, and the id users type. */
    public static String releaseId(ReleaseRegistered release) {
        return release.getTarget() + "@" + release.getVersion();
    }
}
