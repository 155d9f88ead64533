package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.evidence.EvidenceFold;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's gate stores behind a write-through cache of decoded {@link TargetState}s.
 *
 * <p>Why: rebuilding a target's evidence from RocksDB (prefix scan plus an Avro decode per
 * record) and decoding the last decision of every stage on every event was most of the cost of an
 * evaluation. The stores stay the source of truth — every change is written to them first, in the
 * same transaction as the output — and the cache is only ever a copy of them: a target is loaded
 * from the stores on first use, and the whole cache is dropped whenever the task is
 * (re)initialised, which Kafka Streams does after a restart, a rebalance or an aborted
 * transaction (when it also rewinds the stores to the last commit). Exactly-once therefore holds
 * as before. At most {@code capacity} targets are kept, least recently used dropped first.
 */
final class GateStores {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, ReleaseRegistered> releases;
    private final KeyValueStore<String, SpecificRecord> evidence;
    private final KeyValueStore<String, GateDecided> decisions;
    private final KeyValueStore<String, Long> wakeAt;
    private final KeyValueStore<String, String> wakeUps;
    private final Map<String, TargetState> cache;

    GateStores(ProcessorContext<?, ?> context, int capacity) {
        releases = context.getStateStore(GateTopology.RELEASES_STORE);
        evidence = context.getStateStore(GateTopology.EVIDENCE_STORE);
        decisions = context.getStateStore(GateTopology.DECISIONS_STORE);
        wakeAt = context.getStateStore(GateTopology.WAKE_AT_STORE);
        wakeUps = context.getStateStore(GateTopology.WAKE_UPS_STORE);
        cache = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TargetState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The target's state, from the cache or loaded from the stores. */
    TargetState target(String target) {
        TargetState state = cache.get(target);
        if (state == null) {
            state = load(target);
            cache.put(target, state);
        }
        return state;
    }

    /** Records a registration; false if one for this version is already known (the first wins). */
    boolean addRelease(TargetState state, ReleaseRegistered release) {
        String key = StoreKeys.release(release.getTarget(), release.getVersion());
        if (state.releases.containsKey(key)) {
            return false;
        }
        releases.put(key, release);
        state.releases.put(key, release);
        return true;
    }

    /** Records an evidence event; false if its event id is already known (a duplicate). */
    boolean addEvidence(TargetState state, String target, SpecificRecord event) {
        String id = EvidenceFold.eventId(event);
        if (state.evidence.containsKey(id)) {
            return false;
        }
        evidence.put(StoreKeys.evidence(target, id), event);
        state.evidence.put(id, event);
        return true;
    }

    void forget(TargetState state, String target, Collection<SpecificRecord> events) {
        for (SpecificRecord event : events) {
            String id = EvidenceFold.eventId(event);
            evidence.delete(StoreKeys.evidence(target, id));
            state.evidence.remove(id);
        }
    }

    void putDecision(TargetState state, String decisionKey, GateDecided decision) {
        decisions.put(decisionKey, decision);
        state.decisions.put(decisionKey, decision);
    }

    /** Moves the release's wake-up to {@code next} (epoch millis; null: none). */
    void scheduleWakeUp(TargetState state, String releaseKey, Long next) {
        Long previous = state.wakeAt.get(releaseKey);
        if (previous != null && !previous.equals(next)) {
            wakeUps.delete(StoreKeys.wakeUp(previous, releaseKey));
        }
        if (next == null) {
            if (previous != null) {
                wakeAt.delete(releaseKey);
                state.wakeAt.remove(releaseKey);
            }
        } else if (!next.equals(previous)) {
            wakeAt.put(releaseKey, next);
            wakeUps.put(StoreKeys.wakeUp(next, releaseKey), releaseKey);
            state.wakeAt.put(releaseKey, next);
        }
    }

    /**
     * Removes every wake-up due at {@code epochMilli} from the index and hands each release key to
     * {@code due} with its target's state.
     */
    void takeDueWakeUps(long epochMilli, BiConsumer<TargetState, String> due) {
        List<KeyValue<String, String>> found = new ArrayList<>();
        try (KeyValueIterator<String, String> it = wakeUps.range(null, StoreKeys.wakeUpsDueBy(epochMilli))) {
            it.forEachRemaining(found::add);
        }
        for (KeyValue<String, String> wake : found) {
            String releaseKey = wake.value;
            TargetState state = target(StoreKeys.targetOf(releaseKey));
            wakeUps.delete(wake.key);
            wakeAt.delete(releaseKey);
            state.wakeAt.remove(releaseKey);
            due.accept(state, releaseKey);
        }
    }

    private TargetState load(String target) {
        TargetState state = new TargetState();
        String prefix = StoreKeys.targetPrefix(target);
        scan(releases, prefix, state.releases::put);
        scan(evidence, prefix, (key, event) -> state.evidence.put(EvidenceFold.eventId(event), event));
        scan(decisions, prefix, state.decisions::put);
        scan(wakeAt, prefix, state.wakeAt::put);
        return state;
    }

    private static <V> void scan(KeyValueStore<String, V> store, String prefix, BiConsumer<String, V> into) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> into.accept(kv.key, kv.value));
        }
    }
}
