package dev.greenlight.approval.killswitch.web;

/** The flip that was recorded and the id of its event. */
record KillSwitchResponse(String target, String action, String by, String eventId) {
}
