package dev.greenlight.approval.waiver.application;

import dev.greenlight.events.WaiverGranted;
import dev.greenlight.events.WaiverRevoked;

/** Where granted and revoked waivers go. Returns only once the event is durably stored. */
public interface WaiverEvents {

    void publish(WaiverGranted event);

    void publish(WaiverRevoked event);
}
