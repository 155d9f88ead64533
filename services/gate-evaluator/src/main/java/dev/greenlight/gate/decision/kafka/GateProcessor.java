package dev.greenlight.gate.decision.kafka;

import dev.greenlight.events.ActionRefused;
import dev.greenlight.events.GateDecided;
import dev.greenlight.evidence.EvidenceFold;
import dev.greenlight.evidence.GateDecisions;
import dev.greenlight.gate.decision.domain.GateEvaluation;
import dev.greenlight.gate.decision.domain.GateState;
import dev.greenlight.gate.decision.domain.GateStep;
import dev.greenlight.gate.decision.domain.StageDecision;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.platform.tracing.Traceparent;
import dev.greenlight.policy.evidence.SourceOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The Streams side of the gate, and nothing more: it hands each event with its target's state to
 * {@link GateEvaluation} (which decides what to evaluate, what changed, when to wake up and what
 * to forget), writes what the step changed to the stores and forwards its decisions as
 * {@code GateDecided} events. A wall-clock punctuation hands the releases whose wake-up is due
 * back to the evaluation.
 *
 * <p>Two punctuations, because Kafka Streams commits after every wall-clock punctuation whether
 * or not it did anything (KAFKA-6906), and under exactly-once each such commit is a transaction: a
 * task punctuating every 100 ms made an idle stream thread run ten transactions a second with
 * nothing but offsets in them, and a registration arriving meanwhile waited for them. So:
 * <ul>
 *   <li>every {@code punctuateEvery} (1 s in the service), always: wake-ups that came, and holds
 *       placed or lifted since (when no evidence of the task's arrives first);</li>
 *   <li>every {@code coalesceEvery} (100 ms), only while a release is due — metric samples wait
 *       for it ({@link dev.greenlight.gate.decision.domain.Coalescing}): scheduled by the step that
 *       leaves a release due, and cancelled by the coalescing punctuation after which none is.
 *       {@link #init} schedules it too when the stores already hold a release that is due — samples
 *       marked before a restart, a rebalance or an aborted transaction.</li>
 * </ul>
 * See {@link GateTopology} for the stores.
 */
final class GateProcessor implements Processor<String, SpecificRecord, String, GateDecided> {

    private final GateEvaluation<SpecificRecord> evaluation;
    private final Clock clock;
    private final Duration punctuateEvery;
    private final Duration coalesceEvery;
    private final int cachedTargets;
    private ProcessorContext<String, GateDecided> context;
    private GateStores stores;
    private HoldFeed holds;
    /** The punctuation every {@code punctuateEvery}, scheduled by {@link #init}. */
    private Cancellable punctuation;
    /** The coalescing punctuation while one is scheduled, else null. */
    private Cancellable coalescing;
    /** A step since the last coalescing punctuation began left a release due. */
    private boolean due;

    GateProcessor(GateEvaluation<SpecificRecord> evaluation, Clock clock, Duration punctuateEvery,
                  Duration coalesceEvery, int cachedTargets) {
        this.evaluation = evaluation;
        this.clock = clock;
        this.punctuateEvery = punctuateEvery;
        this.coalesceEvery = coalesceEvery;
        this.cachedTargets = cachedTargets;
    }

    @Override
    public void init(ProcessorContext<String, GateDecided> context) {
        this.context = context;
        // A fresh cache on every (re)initialisation: the stores may have been rewound or handed
        // over since, and only they are authoritative.
        stores = new GateStores(context, cachedTargets);
        holds = new HoldFeed(context.getStateStore(GateTopology.HOLDS_STORE));
        punctuation = context.schedule(punctuateEvery, PunctuationType.WALL_CLOCK_TIME, ignored -> wakeUpDue());
        coalescing = null;
        due = false;
        if (stores.anyDueBy(now().toEpochMilli())) {
            coalesceSoon();
        }
    }

    @Override
    public void close() {
        // Kafka Streams keeps a task's punctuation queue when it closes and initialises the task's
        // processors again (a suspended or revived task): init schedules afresh, so these go.
        if (punctuation != null) {
            punctuation.cancel();
            punctuation = null;
        }
        if (coalescing != null) {
            coalescing.cancel();
            coalescing = null;
        }
        stores = null;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (event == null || event instanceof ActionRefused) {
            return;
        }
        String target = EvidenceFold.target(event);
        Instant now = now();
        feedNewHolds(now);
        feedHolds(target, now);
        apply(target, evaluation.onEvent(stores.target(target), event, position(), now), now,
                Traceparent.from(record.headers()));
    }

    /** Where the record being processed was read, for a metric sample (see {@link SourceOffset}); else null. */
    private SourceOffset position() {
        return context.recordMetadata()
                .filter(metadata -> Topics.METRICS.name().equals(metadata.topic()))
                .map(metadata -> new SourceOffset(metadata.partition(), metadata.offset()))
                .orElse(null);
    }

    /** The coalescing punctuation {@code self}: what is due; it ends itself when nothing is left due. */
    private void coalesce(Cancellable self) {
        if (self != coalescing) {
            self.cancel(); // not this processor's current one (scheduled before it was closed): never expected
            return;
        }
        due = false;
        wakeUpDue();
        if (!due) {
            self.cancel();
            coalescing = null;
        }
    }

    /** A release is due: the coalescing punctuation runs within {@code coalesceEvery}. */
    private void coalesceSoon() {
        due = true;
        if (coalescing == null) {
            AtomicReference<Cancellable> self = new AtomicReference<>();
            coalescing = context.schedule(coalesceEvery, PunctuationType.WALL_CLOCK_TIME,
                    ignored -> coalesce(self.get()));
            self.set(coalescing);
        }
    }

    private void wakeUpDue() {
        Instant now = now();
        feedNewHolds(now);
        stores.takeDueWakeUps(now.toEpochMilli(), (target, version) -> {
            GateState<SpecificRecord> state = stores.target(target);
            apply(target, evaluation.onWakeUp(state, version, now), now, Optional.empty());
        });
    }

    /** A hold was placed or lifted since the last look: every target of this task gets what covers it. */
    private void feedNewHolds(Instant now) {
        if (holds.refresh() && holds.any()) {
            stores.targets().forEach(target -> feedHolds(target, now));
        }
    }

    /** Hands the target the hold events it lacks, each as evidence (evaluating what they concern). */
    private void feedHolds(String target, Instant now) {
        if (!holds.any()) {
            return;
        }
        for (SpecificRecord hold : holds.missing(target, stores.target(target))) {
            apply(target, evaluation.onEvent(stores.target(target), hold, now), now, Optional.empty());
        }
    }

    /** {@code cause}: the trace of the record whose arrival made {@code step}, if any ({@link DecisionTraces}). */
    private void apply(String target, GateStep<SpecificRecord> step, Instant now, Optional<Traceparent> cause) {
        List<GateDecided> decided = new ArrayList<>(step.decisions().size());
        for (StageDecision decision : step.decisions()) {
            decided.add(DecisionTraces.named(decision.checkpoint() != null
                    ? GateDecisions.toEvent(decision.checkpoint(), decision.previousDecisionId())
                    : GateDecisions.toEvent(decision.decision(), decision.previousDecisionId()), cause));
        }
        stores.write(target, step, decided);
        for (GateDecided next : decided) {
            context.forward(new Record<>(target, next, now.toEpochMilli(), DecisionTraces.headers(cause)));
        }
        if (!due && stores.target(target).dueBy(now)) {
            coalesceSoon();
        }
    }

    private Instant now() {
        // Avro timestamps are milliseconds; evaluating at a millisecond keeps the recorded
        // evaluatedAt exactly the instant the decision was computed at, so replays match.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
