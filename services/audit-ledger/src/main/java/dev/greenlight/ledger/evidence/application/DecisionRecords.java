package dev.greenlight.ledger.evidence.application;

import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.DecisionMaker;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.GateOutcome;
import dev.greenlight.events.PendingItem;
import dev.greenlight.events.RolloutStepStarted;
import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;
import dev.greenlight.ledger.evidence.domain.CriterionRecord;
import dev.greenlight.ledger.evidence.domain.DecisionRecord;
import dev.greenlight.ledger.evidence.domain.NextReview;
import dev.greenlight.ledger.evidence.domain.OutcomeChange;
import dev.greenlight.policy.model.Defaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The RL playbook's decision record per stage, from the stage's recorded {@code GateDecided}s: the
 * latest one (by {@code evaluatedAt}, ledger order on ties) is the record, the earlier ones only
 * contribute the outcome history. Decision makers, what a HOLD is pending on and the next review
 * are the ones the decision recorded ({@code decisionMakers}, {@code pendingOn}, {@code nextReviewAt});
 * for a decision recorded before it carried them, the makers are read from the events it cites,
 * the pending items from its PENDING criteria, and a NO-GO or HOLD is due the default review
 * interval after it was made, so no record says "not scheduled".
 */
final class DecisionRecords {

    static final String AUTOMATIC = "gate-evaluator (automatic)";

    private DecisionRecords() {
    }

    static List<DecisionRecord> of(ReleaseEvents release) {
        Map<String, List<Cited<GateDecided>>> byStage = new LinkedHashMap<>();
        for (Cited<GateDecided> decided : release.all(GateDecided.class)) {
            byStage.computeIfAbsent(recordStage(decided.event()), s -> new ArrayList<>()).add(decided);
        }
        List<DecisionRecord> records = new ArrayList<>();
        byStage.forEach((stage, decisions) -> {
            // A stable sort keeps ledger order among decisions evaluated at the same instant.
            List<Cited<GateDecided>> sorted = decisions.stream()
                    .sorted(Comparator.comparing(d -> d.event().getEvaluatedAt())).toList();
            records.add(record(release, sorted.get(sorted.size() - 1), history(sorted)));
        });
        return records;
    }

    /**
     * A monitoring checkpoint's decisions are a record of their own ({@code live-10 checkpoint
     * t+30}), beside the stage's gate record, so neither hides the other.
     */
    static String recordStage(GateDecided decided) {
        return decided.getCheckpoint() == null ? decided.getStage()
                : decided.getStage() + CHECKPOINT + decided.getCheckpoint();
    }

    /** Separates a stage from its checkpoint in a checkpoint decision's record. */
    static final String CHECKPOINT = " checkpoint ";

    /** The latest decision of all stages: the release decision as it stands (a checkpoint's is not one). */
    static Optional<DecisionRecord> latest(List<DecisionRecord> records) {
        return records.stream().filter(r -> !r.stage().contains(CHECKPOINT))
                .max(Comparator.comparing(DecisionRecord::time));
    }

    private static DecisionRecord record(ReleaseEvents release, Cited<GateDecided> cited, List<OutcomeChange> history) {
        GateDecided decided = cited.event();
        List<CriterionRecord> criteria = decided.getCriteria().stream()
                .map(c -> new CriterionRecord(c.getName(), c.getKind(), c.getStatus().name(), c.getBlocking(),
                        c.getObserved(), c.getThreshold(), c.getReason()))
                .toList();
        Set<String> makers = new LinkedHashSet<>();
        if (decided.getDecisionMakers() != null) {
            for (DecisionMaker m : decided.getDecisionMakers()) {
                makers.add(m.getWho() + " (" + m.getRole() + ", " + m.getBasis() + ")");
            }
        } else {
            makers.add(AUTOMATIC);
        }
        List<String> justification = new ArrayList<>(reasons(decided));
        for (String id : decided.getEvidenceIds()) {
            release.byEventId(id).map(CitedEvent::event).ifPresent(event -> {
                if (decided.getDecisionMakers() == null) {
                    maker(event).ifPresent(makers::add);
                }
                comment(event).ifPresent(justification::add);
            });
        }
        String policy = decided.getPolicy().getName() + " v" + decided.getPolicy().getVersion() + " (sha256 "
                + decided.getPolicy().getContentHash() + ")";
        return new DecisionRecord(recordStage(decided), decided.getEvaluatedAt(), decided.getOutcome().name(),
                List.copyOf(makers), criteria, List.copyOf(decided.getMissing()), justification,
                nextReview(release, cited), policy, decided.getDecisionId(), cited.source(), history,
                pendingOn(decided));
    }

    /** What a HOLD waits for: as recorded, else (older decisions) its blocking PENDING / WARN criteria. */
    private static List<String> pendingOn(GateDecided decided) {
        if (decided.getOutcome() != GateOutcome.HOLD) {
            return List.of();
        }
        List<String> pending = new ArrayList<>();
        if (decided.getPendingOn() != null) {
            for (PendingItem p : decided.getPendingOn()) {
                pending.add(p.getCriterion() + ": " + p.getWaitingFor()
                        + (p.getRoles().isEmpty() ? "" : " (roles " + String.join(", ", p.getRoles()) + ")")
                        + (p.getUntil() == null ? "" : " (can change by itself at " + p.getUntil() + ")"));
            }
            return pending;
        }
        for (CriterionResult c : decided.getCriteria()) {
            if (c.getBlocking() && (c.getStatus() == CriterionStatus.PENDING || c.getStatus() == CriterionStatus.WARN)) {
                pending.add(c.getName() + ": " + c.getReason());
            }
        }
        return pending;
    }

    /** Why the outcome is what it is: every criterion that is not a plain PASS, with its recorded reason. */
    private static List<String> reasons(GateDecided decided) {
        List<String> reasons = new ArrayList<>();
        for (CriterionResult c : decided.getCriteria()) {
            if (c.getStatus() != CriterionStatus.PASS) {
                reasons.add(c.getStatus() + " " + c.getName() + (c.getBlocking() ? "" : " (non-blocking)") + ": "
                        + c.getReason());
            }
        }
        if (!decided.getMissing().isEmpty()) {
            reasons.add("missing evidence: " + String.join(", ", decided.getMissing()));
        }
        if (reasons.isEmpty() && decided.getOutcome() == GateOutcome.GO) {
            reasons.add("all " + decided.getCriteria().size() + " criteria of stage " + decided.getStage() + " PASS");
        }
        return reasons;
    }

    private static Optional<String> maker(SpecificRecord event) {
        if (event instanceof ApprovalGranted a) {
            return Optional.of(a.getApprover() + " (" + a.getRole() + ", approved)");
        } else if (event instanceof ApprovalRejected r) {
            return Optional.of(r.getApprover() + " (" + r.getRole() + ", rejected)");
        } else if (event instanceof ApprovalRevoked r) {
            return Optional.of(r.getRevokedBy() + " (" + r.getRole() + ", revoked an approval)");
        } else if (event instanceof WaiverGranted w) {
            return Optional.of(w.getGrantedBy() + " (" + w.getRole() + ", waived " + w.getCriterion() + ")");
        } else if (event instanceof WaiverRevoked w) {
            return Optional.of(w.getRevokedBy() + " (revoked a waiver of " + w.getCriterion() + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> comment(SpecificRecord event) {
        if (event instanceof WaiverGranted w) {
            return Optional.of("waiver of " + w.getCriterion() + " by " + w.getGrantedBy() + " (" + w.getRole()
                    + "): " + w.getRationale());
        } else if (event instanceof ApprovalGranted a && a.getComment() != null) {
            return Optional.of(a.getRole() + " approval by " + a.getApprover() + ": " + a.getComment());
        } else if (event instanceof ApprovalRejected r && r.getComment() != null) {
            return Optional.of(r.getRole() + " rejection by " + r.getApprover() + ": " + r.getComment());
        } else if (event instanceof ApprovalRevoked r && r.getReason() != null) {
            return Optional.of(r.getRole() + " approval revoked by " + r.getRevokedBy() + ": " + r.getReason());
        } else if (event instanceof WaiverRevoked w && w.getReason() != null) {
            return Optional.of("waiver of " + w.getCriterion() + " revoked by " + w.getRevokedBy() + ": "
                    + w.getReason());
        }
        return Optional.empty();
    }

    private static NextReview nextReview(ReleaseEvents release, Cited<GateDecided> cited) {
        GateDecided decided = cited.event();
        if (decided.getNextReviewAt() != null) {
            return new NextReview(decided.getNextReviewAt(), "recorded by the decision: " + decided.getNextReviewBasis(),
                    cited.source());
        }
        if (decided.getNextChangeAt() != null) {
            return new NextReview(decided.getNextChangeAt(),
                    "nextChangeAt of the decision: its outcome can change then without new evidence", cited.source());
        }
        if (decided.getOutcome() == GateOutcome.GO) {
            Optional<Cited<RolloutStepStarted>> soak = release.all(RolloutStepStarted.class).stream()
                    .filter(s -> s.event().getStage().equals(decided.getStage()) && s.event().getSoakUntil() != null)
                    .reduce((first, second) -> second);
            if (soak.isPresent()) {
                return new NextReview(soak.get().event().getSoakUntil(),
                        "end of the " + decided.getStage() + " soak recorded by the rollout: continuation decision",
                        soak.get().source());
            }
            return new NextReview(null, "none: GO, and no soak of the stage is recorded", null);
        }
        Duration every = Defaults.DEFAULT_REVIEW_EVERY;
        return new NextReview(decided.getEvaluatedAt().plus(every), "the default review interval ("
                + every.toHours() + "h) after the " + decided.getOutcome() + ": the decision predates recorded "
                + "review dates and no window of it ends by itself", cited.source());
    }

    private static List<OutcomeChange> history(List<Cited<GateDecided>> sorted) {
        List<OutcomeChange> changes = new ArrayList<>();
        String last = null;
        for (Cited<GateDecided> d : sorted) {
            String outcome = d.event().getOutcome().name();
            if (!outcome.equals(last)) {
                changes.add(new OutcomeChange(d.event().getEvaluatedAt(), outcome, d.source()));
                last = outcome;
            }
        }
        return changes;
    }
}
