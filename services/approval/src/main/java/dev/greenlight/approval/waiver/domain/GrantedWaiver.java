package dev.greenlight.approval.waiver.domain;

/**
 * A waiver recorded on the approvals topic, as far as this service needs to remember it: enough
 * to let only its grantor or a waiving authority withdraw it, and to withdraw it once.
 *
 * @param revoked whether a {@code WaiverRevoked} withdrew it
 */
public record GrantedWaiver(String waiverId, String eventId, String target, String version, String criterion,
                            String grantedBy, String role, boolean revoked) {

    public GrantedWaiver revoke() {
        return new GrantedWaiver(waiverId, eventId, target, version, criterion, grantedBy, role, true);
    }
}
