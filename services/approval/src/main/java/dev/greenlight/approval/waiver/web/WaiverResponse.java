package dev.greenlight.approval.waiver.web;

/** The granted waiver and the id of the event that recorded it. */
record WaiverResponse(String waiverId, String target, String version, String criterion, String role,
                      String grantedBy, String eventId) {
}
