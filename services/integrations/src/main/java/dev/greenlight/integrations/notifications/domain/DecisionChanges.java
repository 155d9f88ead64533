package dev.greenlight.integrations.notifications.domain;

import dev.greenlight.integrations.subscriptions.domain.EventKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the stream of gate decisions into what people care about: the gate re-evaluates often and
 * mostly repeats itself, so only a changed verdict per release stage is a DECISION_CHANGED, and a HOLD
 * whose open sign-offs changed is an APPROVAL_NEEDED naming the roles that can give them. Pure state
 * (last verdict per release stage) in, occurrences out; the delivery consumer owns one instance.
 *
 * <p>After a restart the last verdicts are unknown, so the first decision seen per stage counts as a
 * change: at-least-once, a receiver may hear the latest verdict of a stage again.
 */
public final class DecisionChanges {

    private final Map<String, Seen> last = new HashMap<>();

    public synchronized List<Occurrence> on(DecisionFacts decision) {
        String key = decision.target() + "\u0000" + decision.version() + "\u0000" + decision.stageLabel();
        Seen before = last.get(key);
        Seen now = new Seen(decision.outcome(), decision.rolesNeeded());
        last.put(key, now);
        List<Occurrence> out = new ArrayList<>();
        if (before == null || !before.outcome().equals(now.outcome())) {
            out.add(changed(decision, before));
        }
        if (decision.outcome().equals("HOLD") && !now.roles().isEmpty()
                && (before == null || !before.outcome().equals("HOLD") || !before.roles().equals(now.roles()))) {
            out.add(approvalNeeded(decision));
        }
        return out;
    }

    private static Occurrence changed(DecisionFacts d, Seen before) {
        String release = d.target() + " " + d.version() + " " + d.stageLabel();
        String text = switch (d.outcome()) {
            case "GO" -> "Every blocking criterion passed or was waived; the release may enter " + d.stageLabel() + ".";
            case "NO_GO" -> "Blocked: " + String.join("; ", d.failing());
            default -> "Waiting for: " + String.join("; ", d.reasons());
        };
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Outcome", d.outcome()));
        if (before != null) {
            facts.add(new Fact("Previously", before.outcome()));
        }
        facts.add(new Fact("Decision", d.decisionId()));
        return new Occurrence(d.decisionId() + ":" + EventKind.DECISION_CHANGED, EventKind.DECISION_CHANGED,
                d.target(), d.version(), d.stage(), release + ": " + d.outcome(), text, facts, d.evaluatedAt());
    }

    private static Occurrence approvalNeeded(DecisionFacts d) {
        String roles = String.join(", ", d.rolesNeeded());
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Who can approve", roles));
        for (PendingNeed need : d.pending()) {
            if (!need.roles().isEmpty()) {
                facts.add(new Fact(need.criterion(), need.waitingFor()));
            }
        }
        return new Occurrence(d.decisionId() + ":" + EventKind.APPROVAL_NEEDED, EventKind.APPROVAL_NEEDED,
                d.target(), d.version(), d.stage(),
                d.target() + " " + d.version() + " " + d.stageLabel() + ": approval needed",
                "Waiting for a sign-off from a holder of: " + roles + ".", facts, d.evaluatedAt());
    }

    private record Seen(String outcome, List<String> roles) {
    }
}
