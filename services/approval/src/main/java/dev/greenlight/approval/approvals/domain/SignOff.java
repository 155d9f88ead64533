package dev.greenlight.approval.approvals.domain;

/**
 * A verdict recorded on the approvals topic, as far as this service needs to remember it: enough
 * to spot a repeated sign-off and to let only its own approver withdraw it.
 *
 * @param eventId the event that recorded it, returned again when the same sign-off is repeated
 * @param revoked whether an {@code ApprovalRevoked} withdrew it
 */
public record SignOff(String approvalId, String eventId, String target, String version, String role,
                      String approver, Verdict verdict, boolean revoked) {

    public SignOff revoke() {
        return new SignOff(approvalId, eventId, target, version, role, approver, verdict, true);
    }
}
