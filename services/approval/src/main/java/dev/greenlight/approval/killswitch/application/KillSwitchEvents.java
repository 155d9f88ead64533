package dev.greenlight.approval.killswitch.application;

import org.apache.avro.specific.SpecificRecord;

/** Where kill-switch flips go (keyed by target). Returns only once the event is durably stored. */
public interface KillSwitchEvents {

    void publish(String target, SpecificRecord event);
}
