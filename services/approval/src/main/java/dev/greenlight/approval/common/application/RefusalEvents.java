package dev.greenlight.approval.common.application;

import dev.greenlight.events.ActionRefused;

/** Where refused attempts go. Returns only once the event is durably stored. */
public interface RefusalEvents {

    void publish(ActionRefused event);
}
