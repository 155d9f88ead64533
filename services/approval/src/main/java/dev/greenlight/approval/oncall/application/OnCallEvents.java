package dev.greenlight.approval.oncall.application;

import dev.greenlight.events.OnCallAcknowledged;

/** Where on-call acknowledgements go. Returns only once the event is durably stored. */
public interface OnCallEvents {

    void publish(OnCallAcknowledged event);
}
