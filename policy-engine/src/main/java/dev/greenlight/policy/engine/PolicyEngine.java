package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.MetricIndex;
import dev.greenlight.policy.model.AlertsCriterion;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.CheckCriterion;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.DependencyCriterion;
import dev.greenlight.policy.model.MetricCriterion;
import dev.greenlight.policy.model.OnCallCriterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import dev.greenlight.policy.model.VersionCriterion;
import dev.greenlight.policy.model.WindowCriterion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Evaluates a policy stage against an evidence snapshot at a given instant. A pure function — no
 * clock, no I/O, no state — so the gate evaluator, the CLI, replays and tests get identical
 * decisions from identical inputs.
 *
 * <p>Outcome: NO_GO if any blocking criterion FAILs; otherwise HOLD if any blocking criterion is
 * PENDING (or WARN when the policy sets {@code warnNeedsHuman}); otherwise GO. Criteria whose
 * {@code appliesTo} excludes the release type are not evaluated and not reported.
 */
public final class PolicyEngine {

    private final CheckEvaluator checks = new CheckEvaluator();
    private final AlertsEvaluator alerts = new AlertsEvaluator();
    private final MetricEvaluator metrics = new MetricEvaluator();
    private final ApprovalEvaluator approvals = new ApprovalEvaluator();
    private final WindowEvaluator windows = new WindowEvaluator();
    private final DependencyEvaluator dependencies = new DependencyEvaluator();
    private final VersionEvaluator versions = new VersionEvaluator();
    private final OnCallEvaluator onCall = new OnCallEvaluator();
    private final GuardEvaluator guards = new GuardEvaluator();
    private final CheckpointEvaluator checkpoints = new CheckpointEvaluator(this::evaluate);

    public Decision evaluate(Policy policy, String stageName, Evidence evidence, Instant at) {
        return evaluate(policy, stageName, new EvaluationContext(policy, evidence, at));
    }

    /**
     * The incremental evaluation: metric criteria read {@code series} (windowed summaries, cost
     * independent of a series' history) instead of {@code evidence.metrics()}, and cite each window
     * they counted as one {@code SeriesCitation} instead of one id per sample. The decision's
     * evidence ids are those of {@code evidence} plus everything a criterion cites, so samples
     * appear in a decision only as the citations of windows that counted them. Equally pure.
     */
    public Decision evaluate(Policy policy, String stageName, Evidence evidence, MetricIndex series, Instant at) {
        return evaluate(policy, stageName, new EvaluationContext(policy, evidence, at, series));
    }

    private Decision evaluate(Policy policy, String stageName, EvaluationContext context) {
        Evidence evidence = context.evidence();
        Instant at = context.at();
        Stage stage = policy.stage(stageName).orElseThrow(() -> new IllegalArgumentException(
                "policy " + policy.name() + " has no stage '" + stageName + "'"));
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : stage.criteria()) {
            if (criterion.appliesTo(evidence.release().type())) {
                results.add(Waivers.apply(criterion, evaluate(criterion, context), context));
            }
        }
        results.addAll(Holds.results(evidence));
        results.addAll(Freezes.results(context));
        boolean warnHolds = policy.defaults().warnNeedsHuman();
        List<String> missing = results.stream()
                .filter(CriterionResult::blocking)
                .filter(r -> r.status() == CriterionStatus.PENDING || (warnHolds && r.status() == CriterionStatus.WARN))
                .map(r -> r.kind() + ":" + r.name())
                .toList();
        boolean failed = results.stream().anyMatch(r -> r.blocking() && r.status() == CriterionStatus.FAIL);
        Outcome outcome = failed ? Outcome.NO_GO : missing.isEmpty() ? Outcome.GO : Outcome.HOLD;
        Instant nextChangeAt = results.stream().map(CriterionResult::nextChangeAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        List<String> evidenceIds = context.series() == null ? evidence.evidenceIds() : citedIds(evidence, results);
        String target = evidence.release().target();
        String version = evidence.release().version();
        String id = DecisionId.of(policy.contentHash(), target, version, stageName, at, evidenceIds);
        return new Decision(id, target, version, stageName, outcome, results, missing, nextChangeAt,
                new PolicyRef(policy.name(), policy.version(), policy.contentHash()), at, evidenceIds,
                Accountability.of(policy, stage, outcome, results, evidence, at));
    }

    private static List<String> citedIds(Evidence evidence, List<CriterionResult> results) {
        TreeSet<String> ids = new TreeSet<>(evidence.evidenceIds());
        results.forEach(result -> ids.addAll(result.evidenceIds()));
        return List.copyOf(ids);
    }

    /**
     * The guards of a live stage whose trigger holds at {@code at}, in policy order — for the
     * rollout controller, which owns the PAUSE / ROLLBACK / KILL actions. Equally pure.
     */
    public List<GuardTrip> trippedGuards(Policy policy, String stageName, Evidence evidence, Instant at) {
        Stage stage = policy.stage(stageName).orElseThrow(() -> new IllegalArgumentException(
                "policy " + policy.name() + " has no stage '" + stageName + "'"));
        EvaluationContext context = new EvaluationContext(policy, evidence, at);
        return stage.guards().stream().map(guard -> guards.evaluate(guard, context)).flatMap(Optional::stream).toList();
    }

    /**
     * One monitoring checkpoint of a live stage that started at {@code stageStart}, evaluated at
     * {@code at} (see {@link CheckpointDecision} for when the verdict is the one to record). Equally
     * pure: the stage start is an input, so a recorded checkpoint decision replays like any other.
     */
    public CheckpointDecision evaluateCheckpoint(Policy policy, String stageName, String checkpointName,
                                                 Evidence evidence, Instant stageStart, Instant at) {
        Stage stage = policy.stage(stageName).orElseThrow(() -> new IllegalArgumentException(
                "policy " + policy.name() + " has no stage '" + stageName + "'"));
        Checkpoint checkpoint = stage.checkpoint(checkpointName).orElseThrow(() -> new IllegalArgumentException(
                "stage " + stageName + " of policy " + policy.name() + " has no checkpoint '" + checkpointName + "'"));
        return checkpoints.evaluate(policy, stageName, checkpoint, evidence, stageStart, at);
    }

    // Java 17 has no pattern-matching switch; the sealed interface keeps this list complete.
    private CriterionResult evaluate(Criterion criterion, EvaluationContext context) {
        if (criterion instanceof CheckCriterion c) {
            return checks.evaluate(c, context);
        } else if (criterion instanceof AlertsCriterion c) {
            return alerts.evaluate(c, context);
        } else if (criterion instanceof MetricCriterion c) {
            return metrics.evaluate(c, context);
        } else if (criterion instanceof ApprovalCriterion c) {
            return approvals.evaluate(c, context);
        } else if (criterion instanceof WindowCriterion c) {
            return windows.evaluate(c, context);
        } else if (criterion instanceof DependencyCriterion c) {
            return dependencies.evaluate(c, context);
        } else if (criterion instanceof VersionCriterion c) {
            return versions.evaluate(c, context);
        } else if (criterion instanceof OnCallCriterion c) {
            return onCall.evaluate(c, context);
        }
        throw new IllegalStateException("no evaluator for " + criterion.getClass().getSimpleName());
    }
}
