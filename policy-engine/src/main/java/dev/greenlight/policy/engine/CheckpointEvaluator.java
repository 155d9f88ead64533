package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricSample;
import dev.greenlight.policy.model.Aggregate;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.Baseline;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Comparator;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Evaluates one checkpoint of a live stage: its criteria anchored at the stage start, then the
 * same outcome rule as a stage gate. Anchoring is done by rewriting the criteria, so every kind
 * keeps its one evaluator:
 * <ul>
 *   <li>an {@code alerts} or {@code metric} criterion without a window looks at the stage so far,
 *       {@code (stageStart, T]};</li>
 *   <li>{@code baseline: stageStart} becomes the metric's latest sample at or before the stage
 *       start — "degradation against the values at ramp start" — cited as evidence; none is
 *       PENDING.</li>
 * </ul>
 *
 * <p>A failure is <em>settled</em> — decided before the offset — when time up to the offset cannot
 * undo it: an alerts criterion over counts, or a {@code max} / {@code min} / {@code count} of the
 * stage's samples already beyond a fixed bound. A {@code latest} value can recover, so it waits.
 */
final class CheckpointEvaluator {

    private final BiFunction<Criterion, EvaluationContext, CriterionResult> criteria;

    CheckpointEvaluator(BiFunction<Criterion, EvaluationContext, CriterionResult> criteria) {
        this.criteria = criteria;
    }

    CheckpointDecision evaluate(Policy policy, String stage, Checkpoint checkpoint, Evidence evidence,
                                Instant stageStart, Instant at) {
        EvaluationContext context = new EvaluationContext(policy, evidence, at);
        Duration sinceStart = at.isAfter(stageStart) ? Duration.between(stageStart, at) : Duration.ZERO;
        List<CriterionResult> results = new ArrayList<>();
        boolean settled = false;
        for (Criterion declared : checkpoint.criteria()) {
            if (!declared.appliesTo(evidence.release().type())) {
                continue;
            }
            Anchored anchored = anchor(declared, sinceStart, stageStart, context);
            CriterionResult result = anchored.pending != null ? anchored.pending
                    : withoutNextChange(criteria.apply(anchored.criterion, context), anchored.startSampleId);
            result = Waivers.apply(declared, result, context);
            results.add(result);
            settled |= result.blocking() && result.status() == CriterionStatus.FAIL
                    && settles(anchored.criterion, context);
        }
        boolean warnHolds = policy.defaults().warnNeedsHuman();
        List<String> missing = results.stream().filter(CriterionResult::blocking)
                .filter(r -> r.status() == CriterionStatus.PENDING || (warnHolds && r.status() == CriterionStatus.WARN))
                .map(r -> r.kind() + ":" + r.name()).toList();
        boolean failed = results.stream().anyMatch(r -> r.blocking() && r.status() == CriterionStatus.FAIL);
        Outcome outcome = failed ? Outcome.NO_GO : missing.isEmpty() ? Outcome.GO : Outcome.HOLD;
        Instant dueAt = stageStart.plus(checkpoint.at());
        boolean due = !at.isBefore(dueAt);
        // Until it is decided, the one instant the verdict is due by time alone is the offset.
        Instant nextChangeAt = due ? null : dueAt;
        List<String> evidenceIds = evidence.evidenceIds();
        String target = evidence.release().target();
        String version = evidence.release().version();
        String id = DecisionId.of(policy.contentHash(), target, version,
                CheckpointDecision.idStage(stage, checkpoint.name(), stageStart), at, evidenceIds);
        // A checkpoint's verdict is a decision like a stage's: it names its review date, what it is
        // pending on and its decision makers too.
        Decision decision = new Decision(id, target, version, stage, outcome, results, missing, nextChangeAt,
                new PolicyRef(policy.name(), policy.version(), policy.contentHash()), at, evidenceIds,
                Accountability.of(policy, policy.stage(stage).orElseThrow(), outcome, results, evidence, at));
        return new CheckpointDecision(decision, checkpoint.name(), stageStart, dueAt,
                due || (outcome == Outcome.NO_GO && settled));
    }

    /** A criterion rewritten to the stage's window; {@code pending} when it cannot be evaluated yet. */
    private record Anchored(Criterion criterion, CriterionResult pending, String startSampleId) {
    }

    private static Anchored anchor(Criterion criterion, Duration sinceStart, Instant stageStart,
                                   EvaluationContext context) {
        if (criterion instanceof AlertsCriterion a && a.window() == null) {
            return new Anchored(new AlertsCriterion(a.common(), a.severity(), sinceStart, a.max(), a.allResolved()),
                    null, null);
        }
        if (criterion instanceof MetricCriterion m) {
            Duration window = m.window() == null ? sinceStart : m.window();
            Baseline baseline = m.baseline();
            String startSampleId = null;
            if (baseline != null && Checkpoint.STAGE_START_BASELINE.equals(baseline.metric())) {
                Optional<MetricSample> start = context.evidence().metrics().stream()
                        .filter(sample -> sample.name().equals(m.metric()))
                        .filter(sample -> !sample.observedAt().isAfter(stageStart))
                        .max(java.util.Comparator.comparing(MetricSample::observedAt).thenComparing(MetricSample::id));
                if (start.isEmpty()) {
                    return new Anchored(m, CriterionResult.of(m, CriterionStatus.PENDING, null,
                            m.comparator().symbol() + " " + Numbers.format(m.threshold()) + " x " + m.metric()
                                    + " at stage start", "no sample of " + m.metric() + " at or before the stage start "
                                    + stageStart, List.of(), null), null);
                }
                baseline = Baseline.ofValue(start.get().value());
                startSampleId = start.get().id();
            }
            return new Anchored(new MetricCriterion(m.common(), m.metric(), m.aggregate(), window, m.comparator(),
                    m.threshold(), m.warn(), baseline, m.minSamples()), null, startSampleId);
        }
        return new Anchored(criterion, null, null);
    }

    /**
     * The anchored window grows with time instead of sliding, so the evaluators' "leaves the
     * window" instants mean nothing here; the checkpoint's own due instant replaces them.
     */
    private static CriterionResult withoutNextChange(CriterionResult r, String extraEvidenceId) {
        List<String> ids = new ArrayList<>(r.evidenceIds());
        if (extraEvidenceId != null) {
            ids.add(extraEvidenceId);
        }
        return new CriterionResult(r.name(), r.kind(), r.status(), r.blocking(), r.observed(), r.threshold(),
                r.reason(), ids, null);
    }

    /** Whether a FAIL of the (anchored) criterion can no longer turn before the checkpoint is due. */
    private boolean settles(Criterion criterion, EvaluationContext context) {
        if (criterion instanceof AlertsCriterion a) {
            // Counted alerts stay counted as the window grows; an active one may still resolve.
            AlertsCriterion countOnly = new AlertsCriterion(a.common(), a.severity(), a.window(), a.max(), false);
            return criteria.apply(countOnly, context).status() == CriterionStatus.FAIL;
        }
        if (criterion instanceof MetricCriterion m && (m.baseline() == null || m.baseline().value() != null)) {
            Comparator c = m.comparator();
            boolean upperBound = c == Comparator.LT || c == Comparator.LE;
            boolean lowerBound = c == Comparator.GT || c == Comparator.GE;
            return (m.aggregate() == Aggregate.MAX && upperBound) || (m.aggregate() == Aggregate.MIN && lowerBound)
                    || (m.aggregate() == Aggregate.COUNT && upperBound);
        }
        return false;
    }
}
