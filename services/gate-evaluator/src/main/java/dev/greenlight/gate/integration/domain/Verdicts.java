package dev.greenlight.gate.integration.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for "may the rollout of this stage go on", shared by the verdict endpoint and the
 * Flagger webhook so the two can never disagree. GO needs the stage's recorded decision to be GO;
 * inside a live stage, no checkpoint decision of the stage's latest entry may be anything but GO
 * either (a T+30m NO-GO stops a canary that entered on a GO). No decision yet is
 * {@link Verdict#PENDING}, never GO: a tool asking early waits, it does not proceed.
 */
public final class Verdicts {

    private static final String GO = "GO";

    private Verdicts() {
    }

    public static Verdict of(String target, String version, String stage, List<StageRecord> decisions) {
        Optional<StageRecord> decision = decisions.stream()
                .filter(d -> d.stage().equals(stage) && d.checkpoint() == null).findFirst();
        if (decision.isEmpty()) {
            return new Verdict(target, version, stage, Verdict.PENDING, false,
                    List.of("stage " + stage + " is not decided yet"), null);
        }
        StageRecord stageDecision = decision.get();
        List<String> reasons = new ArrayList<>(stageDecision.reasons());
        boolean go = GO.equals(stageDecision.outcome());
        Optional<StageRecord> checkpoint = latestCheckpoint(stage, decisions);
        if (checkpoint.isPresent() && !GO.equals(checkpoint.get().outcome())) {
            go = false;
            reasons.add("checkpoint " + checkpoint.get().checkpoint() + ": " + checkpoint.get().outcome());
            reasons.addAll(checkpoint.get().reasons());
        }
        return new Verdict(target, version, stage, stageDecision.outcome(), go, reasons, stageDecision.decisionId());
    }

    /** A checkpoint decision of the stage's latest entry that is not GO, if any (each checkpoint's latest decision). */
    private static Optional<StageRecord> latestCheckpoint(String stage, List<StageRecord> decisions) {
        List<StageRecord> checkpoints = decisions.stream()
                .filter(d -> d.stage().equals(stage) && d.checkpoint() != null).toList();
        Optional<Instant> latestEntry = checkpoints.stream().map(StageRecord::stageStartedAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder());
        return checkpoints.stream()
                .filter(d -> latestEntry.isEmpty() || latestEntry.get().equals(d.stageStartedAt()))
                .filter(d -> !GO.equals(d.outcome())).findFirst();
    }
}
