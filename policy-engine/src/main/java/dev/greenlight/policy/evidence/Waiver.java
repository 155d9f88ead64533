package dev.greenlight.policy.evidence;

import java.time.Instant;

/**
 * An authorised bypass of one named criterion, with the rationale the audit trail needs.
 *
 * @param expiresAt when the waiver stops applying; null for never
 * @param revoked   true once a WaiverRevoked for it was seen; a revoked waiver never applies
 */
public record Waiver(String id, String criterion, String by, String role, String rationale, Instant at,
                     Instant expiresAt, boolean revoked) implements EvidenceItem {

    /** A waiver that has not been revoked. */
    public Waiver(String id, String criterion, String by, String role, String rationale, Instant at,
                  Instant expiresAt) {
        this(id, criterion, by, role, rationale, at, expiresAt, false);
    }
}
