package dev.greenlight.approval.approvals.application;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where granted, rejected and revoked verdicts go (one topic, keyed by target). Returns only once
 * the event is durably stored.
 */
public interface SignOffEvents {

    void publish(String target, SpecificRecord event);
}
