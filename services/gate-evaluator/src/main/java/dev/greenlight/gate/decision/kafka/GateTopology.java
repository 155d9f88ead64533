package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.FreezeLifted;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.MetricObserved;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.evidence.EvidenceRetention;
import dev.greenlight.gate.decision.domain.Coalescing;
import dev.greenlight.gate.decision.domain.GateEvaluation;
import dev.greenlight.platform.kafka.TopicSerdes;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.PolicyCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The streaming gate: every evidence event re-evaluates the releases it can affect, and time
 * re-evaluates them when a criterion can change by itself.
 *
 * <p>Holds ({@link Topics#HOLDS}) cover target patterns rather than one target, so they feed a
 * global store ({@value #HOLDS_STORE}) that every task reads; {@link HoldFeed} hands each of the
 * task's targets the hold events that cover it, as evidence, when a hold appears or a target gets
 * its first event, so a placed or lifted hold re-evaluates the covered releases when the task's
 * next event arrives or at its next punctuation ({@code punctuateEvery}), whichever comes first.
 *
 * <p>Sources are the releases, checks, alerts, metrics and approvals topics, all keyed by target
 * and partitioned alike, so one task sees everything about a target and one processor
 * ({@link GateProcessor}) folds it into persistent key-value stores with changelogs (restored on
 * restart or rebalance; exactly-once via {@code processing.guarantee=exactly_once_v2}):
 * <ul>
 *   <li>{@value #RELEASES_STORE}: the known releases per target (first registration wins);</li>
 *   <li>{@value #EVIDENCE_STORE}: the target's evidence events other than metric samples, by event
 *       id — an id already present is a duplicate and is dropped without re-evaluation; kept
 *       bounded by {@link EvidenceRetention} (resolved alerts older than the longest policy window
 *       plus a margin are forgotten);</li>
 *   <li>{@value #SAMPLE_CHUNKS_STORE}: the target's metric samples, those of one commit as one
 *       record ({@link SampleChunkStore}), so a burst costs a changelog record per target and
 *       commit rather than per sample; retention forgets samples like other evidence, and a chunk
 *       goes when its last sample does;</li>
 *   <li>{@value #DECISIONS_STORE}: the last emitted decision per release and stage;</li>
 *   <li>{@value #WAKE_UPS_STORE} / {@value #WAKE_AT_STORE}: a time-ordered index of each release's
 *       earliest {@code nextChangeAt}, or "now" when metric samples wait for the next tick (and its
 *       reverse, to move an entry);</li>
 *   <li>{@value #SAMPLES_THROUGH_STORE}: per target, how far its samples have been read on the
 *       metrics topic, which decisions cite so a replay counts exactly those samples; written once
 *       per target and commit ({@link SamplesThroughStore}).</li>
 * </ul>
 *
 * <p>The processor reads the stores through a per-task cache of decoded target
 * state ({@link GateStores}); the stores stay the source of truth and the cache is rebuilt from
 * them lazily after a restart, rebalance or aborted transaction.
 *
 * <p>What an event does is decided by the pure {@link GateEvaluation} (which releases it
 * re-evaluates, with {@link dev.greenlight.evidence.EvidenceFold} and the policy engine at the
 * injected clock's instant, recorded as {@code evaluatedAt} so the decision stays replayable;
 * change detection; wake-ups; retention; coalescing of metric samples). A {@code GateDecided}
 * goes to {@link Topics#DECISIONS} only when the outcome, the policy, a criterion status or
 * observed value, or the missing list differs from the last emitted one, naming that one as
 * previousDecisionId.
 *
 * <p>Time: a wall-clock punctuation runs every {@code punctuateEvery} but only reads the wake-up
 * index up to "now" — a range scan that is empty almost always — and re-evaluates just the
 * releases whose nextChangeAt has come. While metric samples wait, a second punctuation runs every
 * {@code coalesceEvery} and takes the releases they marked due; it is scheduled only then, because
 * every punctuation costs the stream thread a commit ({@link GateProcessor}). That is not a poll of
 * the evidence: nothing is evaluated unless the engine said a result can change then or new samples
 * arrived, and the two periods only bound how late either is noticed.
 */
public final class GateTopology {

    public static final String RELEASES_STORE = "gate-releases";
    public static final String EVIDENCE_STORE = "gate-evidence";
    /** The metric samples, one record per target and commit ({@link SampleChunkStore}). */
    public static final String SAMPLE_CHUNKS_STORE = "gate-sample-chunks";
    public static final String DECISIONS_STORE = "gate-decisions";
    public static final String WAKE_UPS_STORE = "gate-wake-ups";
    public static final String WAKE_AT_STORE = "gate-wake-at";
    /**
     * Per target, the highest metrics-topic position ({@code partition:offset}) of its samples read
     * so far, which its decisions' series citations name. Kept in memory between commits
     * ({@link SamplesThroughStore}), so a burst writes it to the changelog once per commit rather
     * than once per sample.
     */
    public static final String SAMPLES_THROUGH_STORE = "gate-samples-through";
    /** Global (every task reads all of it): the hold events, by event id ({@link HoldFeed}). */
    public static final String HOLDS_STORE = "gate-holds";

    /**
     * Targets whose decoded state each task keeps in memory by default (see {@link GateStores}):
     * enough for every target of 10,000 releases in flight; beyond it, least recently used
     * targets are re-read from the stores when their next event comes.
     */
    public static final int DEFAULT_CACHED_TARGETS = 10_000;

    /** How much sample backlog other evidence overtakes by default ({@link EvidenceAhead}). */
    public static final Duration DEFAULT_EVIDENCE_AHEAD = Duration.ofMinutes(5);

    private GateTopology() {
    }

    /**
     * The gate with one period for both punctuations: wake-ups every {@code tick}, and coalesced
     * samples within a {@code tick} ({@link #build(StreamsBuilder, TopicSerdes, PolicyCatalog, Clock,
     * Duration, Duration, int, Coalescing, boolean, Duration, Function)} for the service's two); every
     * {@code build} without a second period does the same.
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery) {
        build(builder, serdes, policies, clock, punctuateEvery, DEFAULT_CACHED_TARGETS,
                Stores::persistentKeyValueStore);
    }

    /**
     * As {@link #build(StreamsBuilder, TopicSerdes, PolicyCatalog, Clock, Duration)} with another
     * kind of store, e.g. in-memory for a benchmark in which the test driver's commit after every
     * record would otherwise measure RocksDB flushes rather than the evaluator.
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery, Function<String, KeyValueBytesStoreSupplier> stores) {
        build(builder, serdes, policies, clock, punctuateEvery, DEFAULT_CACHED_TARGETS, stores);
    }

    /**
     * The topology with {@code cachedTargets} targets' decoded state kept per task, and the given
     * kind of store; metric samples coalesced by default ({@link Coalescing#DEFAULT_MAX_PENDING_SAMPLES}).
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery, int cachedTargets,
                             Function<String, KeyValueBytesStoreSupplier> stores) {
        build(builder, serdes, policies, clock, punctuateEvery, cachedTargets,
                new Coalescing(Coalescing.DEFAULT_MAX_PENDING_SAMPLES), stores);
    }

    /**
     * The topology with the given {@link Coalescing} of metric samples: a sample marks its releases
     * due at the next coalescing tick, which evaluates them once for the burst; metric
     * criteria evaluated incrementally (the default, see below).
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery, int cachedTargets, Coalescing coalescing,
                             Function<String, KeyValueBytesStoreSupplier> stores) {
        build(builder, serdes, policies, clock, punctuateEvery, cachedTargets, coalescing, true, stores);
    }

    /**
     * As above; with {@code incrementalMetrics} metric criteria read windowed summaries and
     * decisions cite series by range and digest (see {@link GateEvaluation}).
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery, int cachedTargets, Coalescing coalescing,
                             boolean incrementalMetrics, Function<String, KeyValueBytesStoreSupplier> stores) {
        build(builder, serdes, policies, clock, punctuateEvery, punctuateEvery, cachedTargets, coalescing,
                incrementalMetrics, DEFAULT_EVIDENCE_AHEAD, stores);
    }

    /**
     * As above, with the service's two periods: wake-ups (and holds, when no evidence comes first)
     * are noticed within {@code punctuateEvery}, and metric samples wait at most {@code coalesceEvery}
     * ({@link GateProcessor}); evidence other than metric samples overtakes up to
     * {@code evidenceAhead} of sample backlog ({@link EvidenceAhead}; zero: every topic in timestamp order).
     */
    public static void build(StreamsBuilder builder, TopicSerdes serdes, PolicyCatalog policies, Clock clock,
                             Duration punctuateEvery, Duration coalesceEvery, int cachedTargets,
                             Coalescing coalescing, boolean incrementalMetrics, Duration evidenceAhead,
                             Function<String, KeyValueBytesStoreSupplier> stores) {
        EvidenceAhead ahead = new EvidenceAhead(evidenceAhead);
        KStream<String, SpecificRecord> events = source(builder, serdes, Topics.RELEASES, ahead)
                .merge(source(builder, serdes, Topics.CHECKS, ahead))
                .merge(source(builder, serdes, Topics.ALERTS, ahead))
                // Samples in their own order; everything else may overtake a backlog of them.
                .merge(source(builder, serdes, Topics.METRICS, null))
                .merge(source(builder, serdes, Topics.APPROVALS, ahead))
                // Only step starts of the rollouts topic: they schedule the stages' checkpoints.
                .merge(source(builder, serdes, Topics.ROLLOUTS, ahead)
                        .filter((target, event) -> event instanceof RolloutStepStarted));
        Serde<String> keys = Serdes.String();
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(RELEASES_STORE), keys,
                StoreSerde.<ReleaseRegistered>of(ReleaseRegistered.getClassSchema())));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(EVIDENCE_STORE), keys,
                StoreSerde.<SpecificRecord>of(evidenceSchema())));
        builder.addStateStore(new CommitBufferedStoreBuilder<>(Stores.keyValueStoreBuilder(
                stores.apply(SAMPLE_CHUNKS_STORE), keys,
                StoreSerde.<List<MetricObserved>>of(Schema.createArray(MetricObserved.getClassSchema()))),
                SampleChunkStore::new));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(DECISIONS_STORE), keys,
                StoreSerde.<GateDecided>of(GateDecided.getClassSchema())));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(WAKE_UPS_STORE), keys,
                Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(WAKE_AT_STORE), keys,
                Serdes.Long()));
        builder.addStateStore(new CommitBufferedStoreBuilder<>(Stores.keyValueStoreBuilder(
                stores.apply(SAMPLES_THROUGH_STORE), keys, Serdes.String()), SamplesThroughStore::new));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(HOLDS_STORE), keys,
                        StoreSerde.<SpecificRecord>of(Topics.HOLDS.valueSchema())).withLoggingDisabled(),
                Topics.HOLDS.name(), Consumed.with(Serdes.String(), holdSerde(serdes)), HoldsStoreUpdater::new);
        EvidenceRetention retention = EvidenceRetention.forPolicies(policies.longestWindow());
        GateEvaluation<SpecificRecord> evaluation = new GateEvaluation<>(new AvroEvidence(policies, retention),
                coalescing, incrementalMetrics);
        events.process(() -> new GateProcessor(evaluation, clock, punctuateEvery, coalesceEvery, cachedTargets),
                        RELEASES_STORE, EVIDENCE_STORE, SAMPLE_CHUNKS_STORE, DECISIONS_STORE, WAKE_UPS_STORE,
                        WAKE_AT_STORE, SAMPLES_THROUGH_STORE)
                .to(Topics.DECISIONS.name(), Produced.with(Serdes.String(), serdes.forTopic(Topics.DECISIONS)));
    }

    @SuppressWarnings("unchecked")
    private static KStream<String, SpecificRecord> source(StreamsBuilder builder, TopicSerdes serdes,
                                                          Topic<? extends SpecificRecord> topic,
                                                          EvidenceAhead ahead) {
        Serde<SpecificRecord> serde = (Serde<SpecificRecord>) (Serde<?>) serdes.forTopic(topic);
        Consumed<String, SpecificRecord> consumed = Consumed.with(Serdes.String(), serde);
        return builder.stream(topic.name(), ahead == null ? consumed : consumed.withTimestampExtractor(ahead));
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> holdSerde(TopicSerdes serdes) {
        return (Serde<SpecificRecord>) (Serde<?>) serdes.forTopic(Topics.HOLDS);
    }

    /**
     * Every evidence record type, as one union, so a single store holds a target's evidence. New
     * members go last (the store encodes the branch index): the holds a target was handed come after.
     */
    static Schema evidenceSchema() {
        // Appended in the order they were added: stored unions decode by position, so the freeze
        // events (later members of the holds topic) come after RolloutStepStarted, not among the holds.
        List<Schema> appended = List.of(RolloutStepStarted.getClassSchema(), FreezeDeclared.getClassSchema(),
                FreezeLifted.getClassSchema());
        List<Schema> members = new ArrayList<>();
        for (Topic<?> topic : List.of(Topics.CHECKS, Topics.ALERTS, Topics.METRICS, Topics.APPROVALS, Topics.HOLDS)) {
            topic.recordSchemas().stream().filter(schema -> !appended.contains(schema)).forEach(members::add);
        }
        members.addAll(appended);
        return Schema.createUnion(members);
    }
}
