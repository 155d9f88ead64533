package dev.greenlight.approval.waiver.web;

/** The withdrawn waiver; {@code eventId} is null when it had been withdrawn before. */
record WaiverRevokeResponse(String waiverId, String target, String version, String criterion, boolean revoked,
                            String eventId) {
}
