package dev.greenlight.policy.evidence;

import java.time.Instant;

/**
 * A sign-off or refusal by a person in a role.
 *
 * @param revision the revision reviewed; null approves the version whatever its revision
 * @param expiresAt when it stops counting; null for never
 * @param revoked true once an ApprovalRevoked for it was seen
 */
public record Approval(String id, String role, String approver, Verdict verdict, String revision, Instant at,
                       Instant expiresAt, boolean revoked) implements EvidenceItem {
}
