package dev.greenlight.ledger.replay.application;

import org.apache.avro.specific.SpecificRecord;

/**
 * A Greenlight event as the ledger holds it, decoded, with where it sits in the ledger, so a replay
 * result can point an auditor at the exact entry it is about.
 *
 * @param position ledger position {@code partition/sequence}
 * @param event    the decoded event
 */
public record RecordedEvent(String position, SpecificRecord event) {
}
