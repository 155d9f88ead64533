package dev.greenlight.rollout.domain;

import dev.greenlight.policy.model.GuardAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A monitoring checkpoint's recorded decision as the state machine needs it: which checkpoint of
 * which entry of a stage, whether it passed, and — from the policy the rollout follows — what a
 * failure makes the controller do and owe.
 *
 * @param stageStartedAt the stage start the gate counted the checkpoint's offset from; a decision
 *                       about an earlier entry of the stage is stale and moves nothing
 * @param outcome GO (passed), NO_GO (failed: take {@code onFail}) or HOLD (not decidable yet)
 * @param postMortemDue when set, a failure also owes a post-mortem due this long after it
 * @param reason the failing criteria in words, for the record
 */
public record CheckpointVerdict(String stage, String checkpoint, Instant stageStartedAt, Outcome outcome,
                                GuardAction onFail, Duration postMortemDue, String reason, String decisionId,
                                List<String> evidenceIds) {

    /** A checkpoint's verdict, mirrored so the domain needs no engine or event type. */
    public enum Outcome {
        GO, NO_GO, HOLD
    }

    public CheckpointVerdict {
        evidenceIds = List.copyOf(evidenceIds);
    }
}
