package dev.greenlight.integrations.notifications.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a gate decision says, in the terms notifications and GitHub need (no Avro in the domain).
 *
 * @param target      release target
 * @param version     release version
 * @param stage       stage the decision gates
 * @param checkpoint  the monitoring checkpoint it decides, or null for a stage gate
 * @param decisionId  the decision's deterministic id
 * @param outcome     GO, NO_GO or HOLD
 * @param criteria    every criterion as "name STATUS" (e.g. "unit-tests PASS"), in policy order
 * @param failing     "criterion: reason" of each blocking criterion that failed
 * @param pending     what a HOLD waits for
 * @param evaluatedAt when it was evaluated
 */
public record DecisionFacts(String target, String version, String stage, String checkpoint, String decisionId,
                            String outcome, List<String> criteria, List<String> failing, List<PendingNeed> pending, Instant evaluatedAt) {

    public DecisionFacts {
        criteria = List.copyOf(criteria);
        failing = List.copyOf(failing);
        pending = List.copyOf(pending);
    }

    /** The stage, with the checkpoint when it is one: {@code live-100} or {@code live-100 t+30}. */
    public String stageLabel() {
        return checkpoint == null ? stage : stage + " " + checkpoint;
    }

    /** Roles that can still give a sign-off this HOLD waits for, in order, without repeats. */
    public List<String> rolesNeeded() {
        return pending.stream().flatMap(need -> need.roles().stream()).distinct().toList();
    }

    /** The reasons people read: failing criteria for a NO_GO, what is awaited for a HOLD, nothing for a GO. */
    public List<String> reasons() {
        return switch (outcome) {
            case "NO_GO" -> failing;
            case "HOLD" -> pending.stream().map(need -> need.criterion() + ": " + need.waitingFor()).toList();
            default -> List.of();
        };
    }
}
