package dev.greenlight.policy.engine;

import dev.greenlight.policy.evidence.Approval;
import dev.greenlight.policy.evidence.Evidence;
import dev.greenlight.policy.evidence.Verdict;
import dev.greenlight.policy.evidence.Waiver;
import dev.greenlight.policy.model.ApprovalCriterion;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a decision record needs beyond the verdict, computed with it so it is recorded and replayed
 * with it (the RL playbook: "decision maker … next review date if NO-GO"; the trading checklist:
 * "HOLD pending: ____"):
 * <ul>
 *   <li><b>Next review</b> of a NO-GO or HOLD: the earliest {@code nextChangeAt} of the blocking
 *       criteria that hold it back (a FAIL for a NO-GO; a PENDING, or a WARN under
 *       {@code warnNeedsHuman}, for a HOLD) — the first instant one of its reasons can lapse by time
 *       alone; when none can, the policy's {@code defaults.reviewEvery} after the evaluation. A GO has
 *       none (the rollout's soak says when it continues).</li>
 *   <li><b>Pending on</b> (HOLD only): each blocking criterion it waits for, with the open approval
 *       roles.</li>
 *   <li><b>Decision makers</b>: the automatic evaluator under the policy, then every person whose
 *       approval, rejection or waiver a criterion counted, in criterion order.</li>
 * </ul>
 * Pure: a function of the policy, the criteria results, the evidence and the instant.
 *
 * @param nextReviewAt    when the decision is due for review; null for a GO
 * @param nextReviewBasis why that instant, in words; null for a GO
 * @param pendingOn       what a HOLD waits for; empty otherwise
 * @param decisionMakers  who the decision rests on; never empty for an engine decision
 */
public record Accountability(Instant nextReviewAt, String nextReviewBasis, List<PendingItem> pendingOn,
                             List<DecisionMaker> decisionMakers) {

    /** Nothing recorded (a decision built without the engine, e.g. in a test). */
    public static final Accountability NONE = new Accountability(null, null, List.of(), List.of());

    public Accountability {
        pendingOn = List.copyOf(pendingOn);
        decisionMakers = List.copyOf(decisionMakers);
    }

    static Accountability of(Policy policy, Stage stage, Outcome outcome, List<CriterionResult> results,
                             Evidence evidence, Instant at) {
        boolean warnHolds = policy.defaults().warnNeedsHuman();
        List<CriterionResult> holding = results.stream().filter(CriterionResult::blocking)
                .filter(r -> outcome == Outcome.NO_GO ? r.status() == CriterionStatus.FAIL
                        : outcome == Outcome.HOLD && (r.status() == CriterionStatus.PENDING
                        || (warnHolds && r.status() == CriterionStatus.WARN)))
                .toList();
        Instant reviewAt = null;
        String basis = null;
        if (outcome != Outcome.GO) {
            CriterionResult first = holding.stream().filter(r -> r.nextChangeAt() != null)
                    .min((a, b) -> a.nextChangeAt().compareTo(b.nextChangeAt())).orElse(null);
            if (first != null) {
                reviewAt = first.nextChangeAt();
                basis = "when " + first.kind() + ":" + first.name() + " can change by time alone";
            } else {
                reviewAt = at.plus(policy.defaults().reviewEvery());
                basis = "the review interval of policy " + policy.name() + " (reviewEvery "
                        + DurationText.format(policy.defaults().reviewEvery()) + "): no window of a criterion holding the "
                        + outcome.name().replace('_', '-') + " ends by itself";
            }
        }
        List<PendingItem> pending = new ArrayList<>();
        if (outcome == Outcome.HOLD) {
            for (CriterionResult r : holding) {
                pending.add(new PendingItem(r.name(), r.kind(), r.reason(), openRoles(stage, r, evidence),
                        r.nextChangeAt()));
            }
        }
        return new Accountability(reviewAt, basis, pending, makers(policy, results, evidence));
    }

    private static List<DecisionMaker> makers(Policy policy, List<CriterionResult> results, Evidence evidence) {
        Map<String, Approval> approvals = new HashMap<>();
        evidence.approvals().forEach(a -> approvals.put(a.id(), a));
        Map<String, Waiver> waivers = new HashMap<>();
        evidence.waivers().forEach(w -> waivers.put(w.id(), w));
        List<DecisionMaker> makers = new ArrayList<>();
        makers.add(new DecisionMaker(DecisionMaker.EVALUATOR, DecisionMaker.AUTOMATIC,
                "evaluated " + results.size() + " criteria under policy " + policy.name() + " v" + policy.version()
                        + " (sha256 " + policy.contentHash() + ")", null));
        Set<String> seen = new LinkedHashSet<>();
        for (CriterionResult r : results) {
            for (String id : r.evidenceIds()) {
                Approval a = approvals.get(id);
                if (a != null && seen.add(id)) {
                    String verb = a.verdict() == Verdict.REJECT ? "rejected " : "approved ";
                    makers.add(new DecisionMaker(a.approver(), a.role(), verb + r.name(), id));
                }
                Waiver w = waivers.get(id);
                if (w != null && seen.add(id)) {
                    makers.add(new DecisionMaker(w.by(), w.role(), "waived " + r.name() + ": " + w.rationale(), id));
                }
            }
        }
        return makers;
    }

    /**
     * For a pending approval criterion: its required roles nobody counted fills, and, while seats
     * remain, its {@code anyOf} roles. Other kinds wait for no role.
     */
    private static List<String> openRoles(Stage stage, CriterionResult result, Evidence evidence) {
        Criterion criterion = stage.criteria().stream().filter(c -> c.name().equals(result.name())).findFirst()
                .orElse(null);
        if (!(criterion instanceof ApprovalCriterion approval)) {
            return List.of();
        }
        Set<String> seatedRoles = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        for (Approval a : evidence.approvals()) {
            if (result.evidenceIds().contains(a.id()) && a.verdict() == Verdict.APPROVE) {
                seatedRoles.add(a.role());
                people.add(a.approver());
            }
        }
        Set<String> open = new LinkedHashSet<>();
        approval.require().stream().filter(role -> !seatedRoles.contains(role)).forEach(open::add);
        if (approval.count() - people.size() - open.size() > 0) {
            approval.anyOf().stream().filter(Objects::nonNull).forEach(open::add);
        }
        return List.copyOf(open);
    }
}
