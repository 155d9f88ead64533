package dev.greenlight.checkingest.release.web;

/** Answer to a registration: the release id users refer to and the id of the stored event. */
record ReleaseRegisteredResponse(String releaseId, String target, String version, String eventId) {
}
