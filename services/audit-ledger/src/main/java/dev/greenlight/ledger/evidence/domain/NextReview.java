package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/**
 * When a decision should be looked at again, and on what basis — only ever a recorded instant:
 * the decision's own {@code nextChangeAt} (the engine's "the outcome can change then", e.g. an
 * approval expiring or an alert window passing), else, for a GO, the end of the stage's soak as the
 * rollout recorded it ({@code RolloutStepStarted.soakUntil}, the RL playbook's T+120 min
 * continuation decision). Without either, {@code at} is null: the gate re-evaluates on the next
 * evidence event, and the basis says so.
 *
 * @param at     the review instant, null when none is recorded
 * @param basis  where it comes from, in words
 * @param source the entry it was read from, null when {@code at} is null
 */
public record NextReview(Instant at, String basis, Source source) {
}
