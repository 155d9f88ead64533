package dev.greenlight.approval.holds.web;

/** Body of {@code POST /api/v1/holds}. Plain strings so each bad field is reported by name. */
record HoldBody(String name, String target, String reason) {
}
