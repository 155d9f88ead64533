package dev.greenlight.approval.approvals.web;

/** The verdict that stands and the id of the event that recorded it. */
record SignOffResponse(String approvalId, String target, String version, String role, String verdict,
                       String approver, String eventId) {
}
