package dev.greenlight.checkingest.evidence.web;

import java.util.List;

/** Answer to an evidence request: how many events were stored and their ids, in request order. */
record StoredEvents(int stored, List<String> eventIds) {
}
