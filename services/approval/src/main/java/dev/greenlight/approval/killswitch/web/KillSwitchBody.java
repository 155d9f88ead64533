package dev.greenlight.approval.killswitch.web;

/** Body of {@code POST /api/v1/kill-switch}. Plain strings so each bad field is reported by name. */
record KillSwitchBody(String target, String action, String reason) {
}
