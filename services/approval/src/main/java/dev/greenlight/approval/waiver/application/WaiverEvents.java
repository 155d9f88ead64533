package dev.greenlight.approval.waiver.application;

import dev.greenlight.events.WaiverGranted;

/** Where granted waivers go. Returns only once the event is durably stored. */
public interface WaiverEvents {

    void publish(WaiverGranted event);
}
