package dev.greenlight.approval.approvals.web;

/** The withdrawn verdict; {@code eventId} is null when it had been withdrawn before. */
record RevokeResponse(String approvalId, String target, String version, String role, boolean revoked,
                      String eventId) {
}
