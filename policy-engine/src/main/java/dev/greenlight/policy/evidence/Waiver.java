package dev.greenlight.policy.evidence;

import java.time.Instant;

/**
 * An authorised bypass of one named criterion, with the rationale the audit trail needs.
 *
 * @param expiresAt when the waiver stops applying; null for never
 */
public record Waiver(String id, String criterion, String by, String role, String rationale, Instant at,
                     Instant expiresAt) implements EvidenceItem {
}
