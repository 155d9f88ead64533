package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;

/** A recorded decision of a stage whose outcome differed from the one before it. */
public record OutcomeChange(Instant at, String outcome, Source source) {
}
