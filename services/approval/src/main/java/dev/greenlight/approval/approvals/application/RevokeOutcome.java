package dev.greenlight.approval.approvals.application;

import dev.greenlight.approval.approvals.domain.SignOff;
import java.util.Optional;

/** The withdrawn sign-off and the revocation's event id; empty when it had already been withdrawn. */
public record RevokeOutcome(SignOff signOff, Optional<String> eventId) {
}
