package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.gate.decision.domain.GateState;
import dev.greenlight.gate.decision.domain.GateStep;
import dev.greenlight.gate.decision.domain.LastVerdict;
import dev.greenlight.gate.decision.domain.VerdictDigest;
import dev.greenlight.gate.decision.domain.StageStart;
import dev.greenlight.gate.decision.domain.WakeUp;
import dev.greenlight.policy.engine.CriterionStatus;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.evidence.SourceOffset;
import java.time.Instant;
import java.util.ArrayList;
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
 * One task's gate stores behind a cache of decoded {@link GateState}s.
 *
 * <p>Why: rebuilding a target's evidence from RocksDB (prefix scan plus an Avro decode per
 * record) and decoding the last decision of every stage on every event was most of the cost of an
 * evaluation. The stores stay the source of truth — every change a {@link GateStep} lists is
 * written to them, in the same transaction as the output — and the cache is only ever a copy of
 * them: a target is loaded from the stores on first use, and the whole cache is dropped whenever
 * the task is (re)initialised, which Kafka Streams does after a restart, a rebalance or an aborted
 * transaction (when it also rewinds the stores to the last commit). Exactly-once therefore holds.
 * At most {@code capacity} targets are kept, least recently used dropped first.
 *
 * <p>Metric samples go to the {@link SampleChunkStore}, one chunk per target and commit, not one
 * record each; beside each cached state a {@link SampleChunkIndex} says which chunk holds which live
 * sample. Other evidence is kept one record per event id, as are samples written before the chunks
 * existed (loaded, and deleted when forgotten, as before).
 */
final class GateStores {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, ReleaseRegistered> releases;
    private final KeyValueStore<String, SpecificRecord> evidence;
    private final KeyValueStore<String, GateDecided> decisions;
    private final KeyValueStore<String, Long> wakeAt;
    private final KeyValueStore<String, String> wakeUps;
    private final SamplesThroughStore samplesThrough;
    private final SampleChunkStore chunks;
    private final Map<String, Loaded> cache;
    /** The target used last, kept even when the cache has no room (it is the one {@link #write} follows). */
    private String lastTarget;
    private Loaded last;

    GateStores(ProcessorContext<?, ?> context, int capacity) {
        releases = context.getStateStore(GateTopology.RELEASES_STORE);
        evidence = context.getStateStore(GateTopology.EVIDENCE_STORE);
        decisions = context.getStateStore(GateTopology.DECISIONS_STORE);
        wakeAt = context.getStateStore(GateTopology.WAKE_AT_STORE);
        wakeUps = context.getStateStore(GateTopology.WAKE_UPS_STORE);
        samplesThrough = context.getStateStore(GateTopology.SAMPLES_THROUGH_STORE);
        chunks = context.getStateStore(GateTopology.SAMPLE_CHUNKS_STORE);
        cache = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Loaded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The target's state, from the cache or loaded from the stores. */
    GateState<SpecificRecord> target(String target) {
        return loaded(target).state();
    }

    private Loaded loaded(String target) {
        if (target.equals(lastTarget)) {
            return last;
        }
        Loaded loaded = cache.get(target);
        if (loaded == null) {
            loaded = load(target);
            cache.put(target, loaded);
        }
        lastTarget = target;
        last = loaded;
        return loaded;
    }

    /** Writes what {@code step} changed; {@code decided} are its decisions as the events emitted. */
    void write(String target, GateStep<SpecificRecord> step, List<GateDecided> decided) {
        if (step.registered() instanceof ReleaseRegistered release) {
            releases.put(StoreKeys.release(target, release.getVersion()), release);
        }
        if (step.samplesThrough() != null) {
            samplesThrough.put(target, step.samplesThrough());
        }
        SampleChunkIndex index = step.remembered().isEmpty() && step.forgotten().isEmpty() ? null
                : loaded(target).chunks();
        for (SpecificRecord event : step.remembered()) {
            String id = EvidenceFold.eventId(event);
            if (event instanceof MetricObserved sample) {
                index.holds(id, chunks.append(target, sample, index.next()));
            } else {
                evidence.put(StoreKeys.evidence(target, id), event);
            }
        }
        for (SpecificRecord event : step.forgotten()) {
            String id = EvidenceFold.eventId(event);
            SampleChunkIndex.Chunk chunk = event instanceof MetricObserved ? index.forgotten(id) : null;
            if (chunk == null) {
                evidence.delete(StoreKeys.evidence(target, id));
            } else if (chunk.live == 0) {
                chunks.delete(target, chunk.number);
            } else {
                chunks.forget(target, chunk.number, id);
            }
        }
        for (GateDecided decision : decided) {
            decisions.put(StoreKeys.decision(StoreKeys.release(target, decision.getVersion()), verdictKey(decision)),
                    decision);
        }
        for (WakeUp move : step.wakeUps()) {
            String releaseKey = StoreKeys.release(target, move.version());
            if (move.previous() != null) {
                wakeUps.delete(StoreKeys.wakeUp(move.previous().toEpochMilli(), releaseKey));
            }
            if (move.next() == null) {
                wakeAt.delete(releaseKey);
            } else {
                wakeAt.put(releaseKey, move.next().toEpochMilli());
                wakeUps.put(StoreKeys.wakeUp(move.next().toEpochMilli(), releaseKey), releaseKey);
            }
        }
    }

    /**
     * Removes every wake-up due at {@code epochMilli} from the index and hands each release to
     * {@code due} as (target, version).
     */
    void takeDueWakeUps(long epochMilli, BiConsumer<String, String> due) {
        List<KeyValue<String, String>> found = new ArrayList<>();
        try (KeyValueIterator<String, String> it = wakeUps.range(null, StoreKeys.wakeUpsDueBy(epochMilli))) {
            it.forEachRemaining(found::add);
        }
        for (KeyValue<String, String> wake : found) {
            wakeUps.delete(wake.key);
            due.accept(StoreKeys.targetOf(wake.value), StoreKeys.versionOf(wake.value));
        }
    }

    /** Whether a wake-up in the index is due at {@code epochMilli} (e.g. samples marked before a restart). */
    boolean anyDueBy(long epochMilli) {
        try (KeyValueIterator<String, String> it = wakeUps.range(null, StoreKeys.wakeUpsDueBy(epochMilli))) {
            return it.hasNext();
        }
    }

    /** Every target with a registered release in this task's stores, e.g. to hand them a new hold. */
    List<String> targets() {
        java.util.Set<String> targets = new java.util.TreeSet<>();
        try (KeyValueIterator<String, ReleaseRegistered> it = releases.all()) {
            it.forEachRemaining(kv -> targets.add(StoreKeys.targetOf(kv.key)));
        }
        return List.copyOf(targets);
    }

    /** The verdict the domain compares with, from a recorded decision. */
    static LastVerdict verdictOf(GateDecided decided) {
        Map<String, CriterionStatus> statuses = new LinkedHashMap<>();
        List<VerdictDigest.Item> items = new ArrayList<>(decided.getCriteria().size());
        decided.getCriteria().forEach(c -> {
            CriterionStatus status = CriterionStatus.valueOf(c.getStatus().name());
            statuses.put(c.getName(), status);
            items.add(new VerdictDigest.Item(c.getName(), status, c.getObserved()));
        });
        Outcome outcome = Outcome.valueOf(decided.getOutcome().name());
        return new LastVerdict(decided.getDecisionId(), outcome, decided.getPolicy().getContentHash(), statuses,
                VerdictDigest.of(outcome, decided.getPolicy().getContentHash(), items, decided.getMissing()));
    }

    /** A stage's gate decision is kept by stage; a checkpoint's beside it (see {@link StageStart#verdictKey}). */
    static String verdictKey(GateDecided decided) {
        return decided.getCheckpoint() == null || decided.getStageStartedAt() == null ? decided.getStage()
                : StageStart.verdictKey(decided.getStage(), decided.getCheckpoint(), decided.getStageStartedAt());
    }

    private Loaded load(String target) {
        GateState<SpecificRecord> state = new GateState<>();
        SampleChunkIndex index = new SampleChunkIndex();
        String prefix = StoreKeys.targetPrefix(target);
        scan(releases, prefix, (key, release) -> state.restoreRelease(release.getVersion(), release));
        scan(evidence, prefix, (key, event) -> state.restoreEvidence(EvidenceFold.eventId(event), event));
        List<Long> emptied = new ArrayList<>();
        // In the order written, so a sample forgotten and received again is the later one.
        chunks.chunks(target, (number, samples) -> samples.forEach(sample -> {
            String id = sample.getMeta().getEventId();
            state.restoreEvidence(id, sample);
            long empty = index.holds(id, number);
            if (empty >= 0) {
                emptied.add(empty);
            }
        }));
        emptied.forEach(number -> chunks.delete(target, number));
        scan(decisions, prefix, (key, decided) ->
                state.restoreVerdict(decided.getVersion(), verdictKey(decided), verdictOf(decided)));
        scan(wakeAt, prefix, (key, at) -> state.restoreWakeUp(StoreKeys.versionOf(key), Instant.ofEpochMilli(at)));
        SourceOffset through = samplesThrough.get(target);
        if (through != null) {
            state.restoreSamplesThrough(through);
        }
        return new Loaded(state, index);
    }

    /** A target's decoded state and where its samples are stored. */
    private record Loaded(GateState<SpecificRecord> state, SampleChunkIndex chunks) {
    }

    private static <V> void scan(KeyValueStore<String, V> store, String prefix, BiConsumer<String, V> into) {
        try (KeyValueIterator<String, V> it = store.prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> into.accept(kv.key, kv.value));
        }
    }
}
