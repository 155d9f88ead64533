package dev.greenlight.approval.waiver.web;

/**
 * Body of {@code POST /api/v1/waivers}; {@code role} may be left out when the caller holds only
 * one role that may waive. Plain strings so each bad field is reported by name.
 */
record WaiverBody(String target, String version, String criterion, String rationale, String role,
                  String expiresAt) {
}
