package dev.greenlight.approval.holds.application;

import org.apache.avro.specific.SpecificRecord;

/** Where holds go (keyed by their target pattern). Returns only once the event is durably stored. */
public interface HoldEvents {

    void publish(String targetPattern, SpecificRecord event);
}
