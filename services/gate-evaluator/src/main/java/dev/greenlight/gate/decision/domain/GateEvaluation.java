package dev.greenlight.gate.decision.domain;

import dev.greenlight.policy.engine.CheckpointDecision;
import dev.greenlight.policy.engine.Decision;
import dev.greenlight.policy.engine.Outcome;
import dev.greenlight.policy.engine.PolicyEngine;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.evidence.MetricSeries;
import dev.greenlight.policy.evidence.SeriesSummary;
import dev.greenlight.policy.evidence.SourceOffset;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The gate's business loop for one target: {@code (state, event, now) → (state, decisions,
 * wake-ups)}. Pure apart from mutating the state it is given (see {@link GateState}); time is the
 * {@code now} passed in, so a recorded decision's {@code evaluatedAt} is exactly the instant it was
 * computed at and replays match.
 *
 * <ul>
 *   <li><b>Which releases.</b> An event re-evaluates only the target's releases it is evidence for
 *       (a check names its version; an alert concerns every version); a registration evaluates its
 *       own release. The first registration of a version wins; an event id already known is a
 *       duplicate and changes nothing.</li>
 *   <li><b>Change detection.</b> Every stage of the release's governing policy is evaluated, and a
 *       decision is emitted only when the outcome, the policy, a criterion status, a criterion's
 *       observed value or the missing list differs from the last one emitted for that stage (a
 *       {@link VerdictDigest} is kept, not the decision), naming that one as its previous decision.
 *       A change of observed values or missing list alone found while metric samples are coalesced
 *       is recorded at the next tick, so a hot metric records at most one decision per tick.</li>
 *   <li><b>Wake-ups.</b> The release's next wake-up is the earliest {@code nextChangeAt} of its
 *       stages; at a wake-up the release is evaluated again.</li>
 *   <li><b>Retention.</b> Before an evaluation — and, for a target with no release in flight,
 *       whenever its evidence doubled since it was last pruned — evidence no policy can count any
 *       more is forgotten ({@link RecordedEvidence#expired}).</li>
 *   <li><b>Checkpoints.</b> A rollout step's start ({@link RecordedEvidence#stageStarted}) is kept
 *       with the evidence and schedules the stage's monitoring checkpoints: each is a decision,
 *       emitted at the first evaluation at or after its offset (its offset is a wake-up), or as
 *       soon as it has failed for good — an alert at T+5 fails T+30 at T+5.</li>
 *   <li><b>Coalescing.</b> A metric sample marks its releases due now instead of evaluating them,
 *       unless {@link Coalescing#maxPendingSamples} are already waiting; the next tick evaluates
 *       them once for the whole burst.</li>
 *   <li><b>Samples, per series.</b> Metric samples are kept apart from the other evidence, one
 *       {@link MetricSeries} per metric and version, and expire per series at the cost of what they
 *       forget (never by a scan of the target's history). With {@code incrementalMetrics} criteria
 *       read windowed summaries of them through the engine's incremental evaluation and decisions
 *       cite a window as one {@code SeriesCitation}: one sample then costs a store write and a bucket
 *       update, and an evaluation neither folds, scans nor cites a series' history. Without it
 *       every sample is folded and cited, as before (the service's default is incremental).</li>
 *   <li><b>How far samples were read.</b> A sample handed in with its source position (the
 *       metrics partition and offset) moves the target's {@link GateState#samplesThrough}; the
 *       citations name it, so a replay counts exactly the samples the gate had read when it
 *       decided, not one that was observed inside the window but arrived later.</li>
 * </ul>
 *
 * @param <E> a recorded event
 */
public final class GateEvaluation<E> {

    /**
     * Evidence kept before events alone (without an evaluation) prune it: a target that receives
     * samples but has no release in flight is pruned whenever its evidence doubled since the last
     * pruning, which keeps it bounded at an amortised constant cost per event.
     */
    static final int PRUNE_FLOOR = 256;

    private final RecordedEvidence<E> recorded;
    private final Coalescing coalescing;
    private final boolean incrementalMetrics;
    private final PolicyEngine engine = new PolicyEngine();

    public GateEvaluation(RecordedEvidence<E> recorded, Coalescing coalescing) {
        this(recorded, coalescing, false);
    }

    /**
     * @param incrementalMetrics metric criteria read windowed summaries and decisions cite series
     *                           by range, count and digest; false: the raw evaluation, which folds
     *                           and cites every sample (replayable from sample ids alone)
     */
    public GateEvaluation(RecordedEvidence<E> recorded, Coalescing coalescing, boolean incrementalMetrics) {
        this.recorded = recorded;
        this.coalescing = coalescing;
        this.incrementalMetrics = incrementalMetrics;
    }

    /** An event of the target arrived at {@code now}, from a source whose position is not known. */
    public GateStep<E> onEvent(GateState<E> state, E event, Instant now) {
        return onEvent(state, event, null, now);
    }

    /**
     * An event of the target arrived at {@code now}, read at {@code position} of its source (null:
     * not known). A sample's position becomes the target's {@link GateState#samplesThrough}, which
     * the decisions' series citations name, so a replay counts exactly the samples that had arrived.
     */
    public GateStep<E> onEvent(GateState<E> state, E event, SourceOffset position, Instant now) {
        indexSamples(state);
        Step step = new Step(state, now);
        String registers = recorded.registeredVersion(event);
        if (registers != null) {
            if (state.releases.containsKey(registers)) {
                return GateStep.nothing(); // the first registration wins; check-ingest refuses conflicting ones
            }
            state.releases.put(registers, event);
            step.registered = event;
            step.evaluate(registers);
            return step.result();
        }
        String id = recorded.eventId(event);
        if (state.evidence.containsKey(id) || state.samples.containsKey(id)) {
            return GateStep.nothing(); // a duplicate changes nothing, so it is not even re-evaluated
        }
        boolean sample = recorded.isSample(event);
        if (sample && position != null) {
            // A duplicate does not move it: the sample it repeats was read earlier, and counts.
            SourceOffset through = SourceOffset.latest(state.samplesThrough, position);
            if (!through.equals(state.samplesThrough)) {
                state.samplesThrough = through;
                step.samplesThrough = through;
            }
        }
        if (sample) {
            addSample(state, event);
        } else {
            state.evidence.put(id, event);
        }
        step.remembered.add(event);
        StageStart started = recorded.stageStarted(event);
        if (started != null) {
            // A rollout step started: it schedules that stage's checkpoints (Checkpoints below).
            stageStarts(state).merge(started.version(), started,
                    (known, next) -> next.startedAt().isBefore(known.startedAt()) ? known : next);
            if (state.releases.containsKey(started.version())) {
                step.evaluate(started.version());
            }
            return step.result();
        }
        if (state.evidence.size() + state.samples.size() > 2 * Math.max(state.evidenceAfterPrune, PRUNE_FLOOR)) {
            step.prune();
        }
        step.detailsAtTick = sample && coalescing.defers();
        for (Map.Entry<String, E> release : List.copyOf(state.releases.entrySet())) {
            if (!recorded.concerns(release.getValue(), event)) {
                continue;
            }
            String version = release.getKey();
            if (sample && coalescing.defers()
                    && state.pendingSamples.merge(version, 1, Integer::sum) < coalescing.maxPendingSamples()) {
                step.dueNow(version);
            } else {
                step.evaluate(version);
            }
        }
        return step.result();
    }

    /**
     * The release's wake-up came (or a tick found it marked due): it is evaluated at {@code now}.
     * A wake-up for a version the target does not know changes nothing.
     */
    public GateStep<E> onWakeUp(GateState<E> state, String version, Instant now) {
        if (!state.releases.containsKey(version)) {
            return GateStep.nothing();
        }
        indexSamples(state);
        Step step = new Step(state, now);
        step.moveWakeUp(version, null); // taken; the evaluation sets the next one
        step.evaluate(version);
        return step.result();
    }

    /** The latest stage start per version, derived from the stored evidence once per loaded state. */
    private Map<String, StageStart> stageStarts(GateState<E> state) {
        if (!state.stageStartsDerived) {
            state.stageStartsDerived = true;
            for (E event : state.evidence.values()) {
                StageStart started = recorded.stageStarted(event);
                if (started != null) {
                    state.stageStarts.merge(started.version(), started,
                            (known, next) -> next.startedAt().isBefore(known.startedAt()) ? known : next);
                }
            }
        }
        return state.stageStarts;
    }

    /** Sorts restored evidence into samples and series, once per load of the target. */
    private void indexSamples(GateState<E> state) {
        if (state.samplesIndexed) {
            return;
        }
        state.samplesIndexed = true;
        List<E> restored = state.evidence.values().stream().filter(recorded::isSample).toList();
        for (E event : restored) {
            state.evidence.remove(recorded.eventId(event));
            addSample(state, event);
        }
    }

    private void addSample(GateState<E> state, E event) {
        MetricSample sample = recorded.sample(event);
        state.samples.put(sample.id(), event);
        state.series.computeIfAbsent(seriesKey(sample.name(), recorded.sampleVersion(event)), k -> new MetricSeries())
                .add(sample);
    }

    /** A sample without a version is evidence for every version of its target: a release reads both series. */
    private static String seriesKey(String metric, String version) {
        return metric + '\u001f' + (version == null ? "" : version);
    }

    private static MetricIndex index(GateState<?> state, String version) {
        return ((MetricIndex) (metric, after, until) -> {
            MetricSeries all = state.series.get(seriesKey(metric, null));
            MetricSeries own = state.series.get(seriesKey(metric, version));
            SeriesSummary summary = all == null ? SeriesSummary.EMPTY : all.summary(after, until);
            return own == null ? summary : summary.plus(own.summary(after, until));
        }).through(state.samplesThrough);
    }

    /** One input's work: evidence is pruned at most once, and every change is collected. */
    private final class Step {
        private final GateState<E> state;
        private final Instant now;
        private E registered;
        private SourceOffset samplesThrough;
        private final List<E> remembered = new ArrayList<>();
        private final List<E> forgotten = new ArrayList<>();
        private final List<StageDecision> decisions = new ArrayList<>();
        private final List<WakeUp> wakeUps = new ArrayList<>();
        private int evaluations;
        private boolean pruned;
        /** A sample burst evaluates: changes of observed values or missing list alone wait for the tick. */
        private boolean detailsAtTick;

        Step(GateState<E> state, Instant now) {
            this.state = state;
            this.now = now;
        }

        void evaluate(String version) {
            E release = state.releases.get(version);
            state.pendingSamples.remove(version);
            Optional<Policy> policy = state.policies.computeIfAbsent(version, v -> recorded.governing(release));
            if (policy.isEmpty()) {
                moveWakeUp(version, null);
                return;
            }
            prune();
            evaluations++;
            Evidence folded;
            MetricIndex series = null;
            if (incrementalMetrics) {
                folded = recorded.fold(release, state.evidence.values());
                series = index(state, version);
            } else {
                List<E> all = new ArrayList<>(state.evidence.size() + state.samples.size());
                all.addAll(state.evidence.values());
                all.addAll(state.samples.values());
                folded = recorded.fold(release, all);
            }
            Instant nextChange = null;
            boolean detailsWait = false;
            for (Stage stage : policy.get().stages()) {
                Decision decision = series == null ? engine.evaluate(policy.get(), stage.name(), folded, now)
                        : engine.evaluate(policy.get(), stage.name(), folded, series, now);
                if (decision.nextChangeAt() != null && (nextChange == null || decision.nextChangeAt().isBefore(nextChange))) {
                    nextChange = decision.nextChangeAt();
                }
                LastVerdict last = state.verdicts.getOrDefault(version, Map.of()).get(stage.name());
                LastVerdict next = LastVerdict.of(decision);
                boolean detailOnly = last != null && !last.changedBy(next) && last.detailChangedBy(next);
                if (detailOnly && detailsAtTick) {
                    detailsWait = true;
                } else if (last == null || last.changedBy(next) || detailOnly) {
                    state.verdicts.computeIfAbsent(version, v -> new HashMap<>()).put(stage.name(), next);
                    decisions.add(new StageDecision(version, decision, last == null ? null : last.decisionId()));
                }
            }
            // Checkpoint criteria read the raw samples since the stage start (CheckpointEvaluator
            // anchors their windows there), so with incremental metrics they get the full fold —
            // only when the release's current stage has checkpoints to decide.
            Evidence withoutSamples = folded;
            Instant checkpointDue = checkpoints(version, policy.get(),
                    () -> incrementalMetrics ? recorded.fold(release, state.evidence()) : withoutSamples);
            if (checkpointDue != null && (nextChange == null || checkpointDue.isBefore(nextChange))) {
                nextChange = checkpointDue;
            }
            moveWakeUp(version, detailsWait && (nextChange == null || nextChange.isAfter(now)) ? now : nextChange);
        }

        /**
         * The checkpoints of the stage the release's rollout last entered: each is evaluated until
         * it is decided (GO or NO_GO; a HOLD at its offset — evidence missing — is decided again as
         * evidence comes), and a decided verdict is emitted like a stage's. Returns the earliest
         * offset still ahead, for the wake-up.
         */
        private Instant checkpoints(String version, Policy policy, Supplier<Evidence> withSamples) {
            StageStart start = stageStarts(state).get(version);
            Stage stage = start == null ? null : policy.stage(start.stage()).orElse(null);
            if (stage == null || stage.checkpoints().isEmpty()) {
                return null;
            }
            Evidence folded = null;
            Instant wake = null;
            for (Checkpoint checkpoint : stage.checkpoints()) {
                String key = StageStart.verdictKey(stage.name(), checkpoint.name(), start.startedAt());
                LastVerdict last = state.verdicts.getOrDefault(version, Map.of()).get(key);
                if (last != null && last.outcome() != Outcome.HOLD) {
                    continue; // decided for good
                }
                if (folded == null) {
                    folded = withSamples.get();
                }
                CheckpointDecision verdict = engine.evaluateCheckpoint(policy, stage.name(), checkpoint.name(),
                        folded, start.startedAt(), now);
                if (!verdict.decided()) {
                    wake = wake == null || verdict.dueAt().isBefore(wake) ? verdict.dueAt() : wake;
                    continue;
                }
                LastVerdict next = LastVerdict.of(verdict.decision());
                if (last == null || last.changedBy(next)) {
                    state.verdicts.computeIfAbsent(version, v -> new HashMap<>()).put(key, next);
                    decisions.add(new StageDecision(version, verdict.decision(),
                            last == null ? null : last.decisionId(), verdict));
                }
            }
            return wake;
        }

        /** Marks the release due at the next tick, keeping an earlier wake-up. */
        void dueNow(String version) {
            Instant at = state.wakeAt.get(version);
            if (at == null || at.isAfter(now)) {
                moveWakeUp(version, now);
            }
        }

        private void moveWakeUp(String version, Instant next) {
            Instant previous = next == null ? state.wakeAt.remove(version) : state.wakeAt.put(version, next);
            if (!Objects.equals(previous, next)) {
                wakeUps.add(new WakeUp(version, previous, next));
            }
        }

        void prune() {
            if (pruned) {
                return;
            }
            pruned = true;
            Set<E> expired = recorded.expired(state.evidence.values(), now);
            for (E event : expired) {
                state.evidence.remove(recorded.eventId(event));
                forgotten.add(event);
            }
            Instant cutoff = recorded.sampleCutoff(now);
            for (MetricSeries series : state.series.values()) {
                for (MetricSample sample : series.expire(cutoff)) {
                    forgotten.add(state.samples.remove(sample.id()));
                }
            }
            state.series.values().removeIf(series -> series.size() == 0);
            state.evidenceAfterPrune = state.evidence.size() + state.samples.size();
        }

        GateStep<E> result() {
            return new GateStep<>(registered, remembered, forgotten, decisions, wakeUps, evaluations, samplesThrough);
        }
    }
}
