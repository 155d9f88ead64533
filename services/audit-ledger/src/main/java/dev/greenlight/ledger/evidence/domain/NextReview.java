package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * When a decision should be looked at again, and on what basis — only ever an instant the ledger
 * holds: the decision's own {@code nextReviewAt} (a NO-GO or HOLD: the first instant a window of a
 * criterion holding it back can change it, else the policy's {@code reviewEvery} after it was made),
 * else its {@code nextChangeAt}, else, for a GO, the end of the stage's soak as the rollout recorded
 * it ({@code RolloutStepStarted.soakUntil}, the RL playbook's T+120 min continuation decision). A
 * NO-GO or HOLD recorded before decisions carried {@code nextReviewAt} is due the default review
 * interval after it was made. Only a GO without a recorded soak has no review ({@code at} null).
 *
 * @param at     the review instant, null only for such a GO
 * @param basis  where it comes from, in words
 * @param source the entry it was read from, null when {@code at} is null
 */
public record NextReview(Instant at, String basis, Source source) {
}
