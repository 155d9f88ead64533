package dev.greenlight.rollout.web;

/** Body of a manual rollout command: every manual action needs a reason for the audit trail. */
record ManualCommandBody(String reason) {
}
