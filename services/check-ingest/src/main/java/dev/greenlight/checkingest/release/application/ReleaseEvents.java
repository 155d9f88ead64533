package dev.greenlight.checkingest.release.application;

import dev.greenlight.events.ReleaseRegistered;

/** Where registered releases go. Returns only once the event is durably stored. */
public interface ReleaseEvents {

    void publish(ReleaseRegistered event);
}
