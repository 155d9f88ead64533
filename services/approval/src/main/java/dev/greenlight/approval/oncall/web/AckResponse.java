package dev.greenlight.approval.oncall.web;

import java.time.Instant;

/** The acknowledged window and the id of the event that recorded it. */
record AckResponse(String target, String version, String engineer, Instant windowStart, Instant windowEnd,
                   String eventId) {
}
