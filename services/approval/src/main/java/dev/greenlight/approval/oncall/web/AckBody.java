package dev.greenlight.approval.oncall.web;

/** Body of {@code POST /api/v1/acks}; {@code version} may be left out to cover any release. */
record AckBody(String target, String version, String windowStart, String windowEnd) {
}
