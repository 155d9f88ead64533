package dev.greenlight.integrations.notifications.kafka;

import dev.greenlight.events.CriterionResult;
import dev.greenlight.events.CriterionStatus;
import dev.greenlight.events.FreezeDeclared;
import dev.greenlight.events.GateDecided;
import dev.greenlight.events.HoldPlaced;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.ObligationOverdue;
import dev.greenlight.events.PendingItem;
import dev.greenlight.events.RollbackTriggered;
import dev.greenlight.integrations.notifications.domain.DecisionFacts;
import dev.greenlight.integrations.notifications.domain.Fact;
import dev.greenlight.integrations.notifications.domain.Occurrence;
import dev.greenlight.integrations.notifications.domain.PendingNeed;
import dev.greenlight.integrations.subscriptions.domain.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Recorded events → the domain's words: decisions become {@link DecisionFacts}; rollbacks, kill
 * switches, holds, freezes and overdue obligations become {@link Occurrence}s whose id is the event's
 * {@code meta.eventId}, so a redelivered event keeps its dedupe keys. Everything else is not news.
 */
public final class Occurrences {

    private Occurrences() {
    }

    public static DecisionFacts decision(GateDecided d) {
        List<String> failing = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        for (CriterionResult c : d.getCriteria()) {
            criteria.add(c.getName() + " " + c.getStatus());
            if (c.getBlocking() && c.getStatus() == CriterionStatus.FAIL) {
                failing.add(c.getName() + ": " + c.getReason());
            }
        }
        List<PendingNeed> pending = new ArrayList<>();
        if (d.getPendingOn() != null) {
            for (PendingItem item : d.getPendingOn()) {
                pending.add(new PendingNeed(item.getCriterion(), item.getWaitingFor(), item.getRoles()));
            }
        }
        return new DecisionFacts(d.getTarget(), d.getVersion(), d.getStage(), d.getCheckpoint(), d.getDecisionId(),
                d.getOutcome().name(), criteria, failing, pending, d.getEvaluatedAt());
    }

    public static Optional<Occurrence> of(SpecificRecord event) {
        if (event instanceof RollbackTriggered r) {
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact("Guard", r.getGuard()));
            facts.add(new Fact("Action", r.getAction().name()));
            if (r.getObserved() != null) {
                facts.add(new Fact("Observed", r.getObserved()));
            }
            if (r.getThreshold() != null) {
                facts.add(new Fact("Threshold", r.getThreshold()));
            }
            if (r.getRestoredVersion() != null) {
                facts.add(new Fact("Restored version", r.getRestoredVersion()));
            }
            return Optional.of(new Occurrence(r.getMeta().getEventId(), EventKind.GUARD_TRIPPED, r.getTarget(),
                    r.getVersion(), r.getStage(), r.getTarget() + " " + r.getVersion() + " " + r.getStage()
                    + ": guard " + r.getGuard() + " tripped (" + r.getAction() + ")", r.getReason(), facts,
                    r.getMeta().getOccurredAt()));
        }
        if (event instanceof KillSwitchActivated k) {
            return Optional.of(new Occurrence(k.getMeta().getEventId(), EventKind.GUARD_TRIPPED, k.getTarget(), null,
                    null, "Kill switch activated on " + k.getTarget(), k.getReason(),
                    List.of(new Fact("Activated by", k.getActivatedBy()), new Fact("Source", k.getSource().name())),
                    k.getMeta().getOccurredAt()));
        }
        if (event instanceof HoldPlaced h) {
            return Optional.of(new Occurrence(h.getMeta().getEventId(), EventKind.HOLD_PLACED, h.getTarget(), null, null,
                    "Hold " + h.getName() + " placed on " + h.getTarget(), h.getReason(),
                    List.of(new Fact("Placed by", h.getPlacedBy())), h.getMeta().getOccurredAt()));
        }
        if (event instanceof FreezeDeclared f) {
            return Optional.of(new Occurrence(f.getMeta().getEventId(), EventKind.HOLD_PLACED, f.getTarget(), null, null,
                    "Freeze " + f.getName() + " declared on " + f.getTarget(), f.getReason(),
                    List.of(new Fact("Declared by", f.getDeclaredBy()), new Fact("From", f.getFrom().toString()),
                            new Fact("To", f.getTo().toString())), f.getMeta().getOccurredAt()));
        }
        if (event instanceof ObligationOverdue o) {
            return Optional.of(new Occurrence(o.getMeta().getEventId(), EventKind.OBLIGATION_OVERDUE, o.getTarget(),
                    o.getVersion(), null, o.getTarget() + " " + o.getVersion() + ": " + o.getObligation() + " overdue",
                    "The " + o.getObligation() + " obligation was due at " + o.getDueAt() + ".",
                    List.of(new Fact("Obligation", o.getObligation().name()), new Fact("Due", o.getDueAt().toString())),
                    o.getMeta().getOccurredAt()));
        }
        return Optional.empty();
    }
}
