package dev.greenlight.approval.approvals.web;

/**
 * Body of {@code POST /api/v1/approvals}. There is no approver field: the approver is the
 * authenticated caller. Plain strings so each bad field is reported by name.
 */
record SignOffBody(String target, String version, String role, String verdict, String comment, String expiresAt) {
}
