package dev.greenlight.evidence;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.DecisionMaker;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PendingItem;
import dev.greenlight.events.PolicyRef;
import dev.greenlight.policy.engine.Accountability;
import dev.greenlight.policy.engine.CheckpointDecision;
import dev.greenlight.policy.engine.Decision;
import java.util.List;

/**
 * The one mapping from the engine's {@link Decision} to the {@code GateDecided} event. The
 * evaluator publishes through it and the ledger's replay compares through it, so "reproduces the
 * decision" means equal Avro bytes, not a loose field-by-field likeness.
 *
 * <p>Whether a decision is worth emitting at all is the gate's business
 * ({@code dev.greenlight.gate.decision.domain.LastVerdict}).
 *
 * <p>{@code meta.eventId} is the decision id (re-evaluating the same evidence at the same instant
 * yields the same event, which consumers drop as a duplicate), {@code meta.occurredAt} the
 * evaluation time and {@code meta.principal} {@value #PRINCIPAL}.
 *
 * <p>The decision's {@link Accountability} (next review, pending on, decision makers) is mapped to
 * the fields appended to {@code GateDecided}. A decision without it ({@link Accountability#NONE},
 * built by hand) leaves {@code pendingOn} and {@code decisionMakers} null, as decisions recorded
 * before those fields existed do; {@link #withoutAccountability} turns a replayed decision into
 * that older shape so such recordings still replay byte for byte.
 */
public final class GateDecisions {

    /** Who publishes decisions. */
    public static final String PRINCIPAL = "gate-evaluator";

    private GateDecisions() {
    }

    /**
     * The event for a monitoring checkpoint's decision: a stage decision's fields plus the
     * checkpoint's name and the stage start its offset and baselines count from, so a replay
     * evaluates the very same checkpoint.
     */
    public static GateDecided toEvent(CheckpointDecision checkpoint, String previousDecisionId) {
        GateDecided event = toEvent(checkpoint.decision(), previousDecisionId);
        event.setCheckpoint(checkpoint.checkpoint());
        event.setStageStartedAt(checkpoint.stageStartedAt());
        return event;
    }

    /** The event for {@code decision}, following {@code previousDecisionId} (null for the first). */
    public static GateDecided toEvent(Decision decision, String previousDecisionId) {
        List<CriterionResult> criteria = decision.criteria().stream()
                .map(c -> new CriterionResult(c.name(), c.kind(), CriterionStatus.valueOf(c.status().name()),
                        c.blocking(), c.observed(), c.threshold(), c.reason(), List.copyOf(c.evidenceIds())))
                .toList();
        return GateDecided.newBuilder()
                .setMeta(new EventMetadata(decision.decisionId(), decision.evaluatedAt(), PRINCIPAL))
                .setTarget(decision.target())
                .setDecisionId(decision.decisionId())
                .setVersion(decision.version())
                .setStage(decision.stage())
                .setOutcome(GateOutcome.valueOf(decision.outcome().name()))
                .setCriteria(criteria)
                .setMissing(List.copyOf(decision.missing()))
                .setNextChangeAt(decision.nextChangeAt())
                .setPolicy(new PolicyRef(decision.policy().name(), decision.policy().version(),
                        decision.policy().contentHash()))
                .setEvaluatedAt(decision.evaluatedAt())
                .setPreviousDecisionId(previousDecisionId)
                .setEvidenceIds(List.copyOf(decision.evidenceIds()))
                .setNextReviewAt(decision.accountability().nextReviewAt())
                .setNextReviewBasis(decision.accountability().nextReviewBasis())
                .setPendingOn(recorded(decision.accountability())
                        ? decision.accountability().pendingOn().stream()
                                .map(p -> new PendingItem(p.criterion(), p.kind(), p.waitingFor(),
                                        List.copyOf(p.roles()), p.until()))
                                .toList()
                        : null)
                .setDecisionMakers(recorded(decision.accountability())
                        ? decision.accountability().decisionMakers().stream()
                                .map(m -> new DecisionMaker(m.who(), m.role(), m.basis(), m.evidenceId()))
                                .toList()
                        : null)
                .build();
    }

    /**
     * Whether {@code decided} was recorded before decisions carried their accountability: an engine
     * decision always names at least its evaluator as decision maker.
     */
    public static boolean predatesAccountability(GateDecided decided) {
        return decided.getDecisionMakers() == null;
    }

    /** {@code decided} as a decision recorded before the accountability fields existed. */
    public static GateDecided withoutAccountability(GateDecided decided) {
        return GateDecided.newBuilder(decided).setNextReviewAt(null).setNextReviewBasis(null).setPendingOn(null)
                .setDecisionMakers(null).build();
    }

    /**
     * {@code replayed} naming the evidence traces {@code recorded} names. The trace ids say which
     * request delivered the evidence that changed a decision (read from Kafka headers by the gate);
     * they are provenance of delivery, not an input of evaluation, so a replay cannot recompute
     * them and carries them over — everything the engine computes is still compared byte for byte.
     */
    public static GateDecided withTracesOf(GateDecided replayed, GateDecided recorded) {
        return GateDecided.newBuilder(replayed).setEvidenceTraceIds(recorded.getEvidenceTraceIds() == null ? null
                : List.copyOf(recorded.getEvidenceTraceIds())).build();
    }

    private static boolean recorded(Accountability accountability) {
        return !accountability.decisionMakers().isEmpty();
    }
}
