package dev.greenlight.policy.evidence;

import dev.greenlight.policy.model.Severity;
import java.time.Instant;

/**
 * An alert firing, folded together with its resolution if one is known.
 *
 * @param resolvedAt when it was resolved; null while it is still firing
 */
public record Alert(String id, String fingerprint, String alertName, Severity severity, Instant firedAt,
                    Instant resolvedAt) implements EvidenceItem {

    /** Active at {@code at}: fired by then and not resolved by then. */
    public boolean activeAt(Instant at) {
        return !firedAt.isAfter(at) && (resolvedAt == null || resolvedAt.isAfter(at));
    }
}
