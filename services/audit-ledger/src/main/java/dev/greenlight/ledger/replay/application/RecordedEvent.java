package dev.greenlight.ledger.replay.application;

import dev.greenlight.policy.evidence.SourceOffset;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Greenlight event as the ledger holds it, decoded, with where it sits in the ledger, so a replay
 * result can point an auditor at the exact entry it is about, and where it was read from, so a
 * decision citing a metric series "as far as the gate had consumed" resolves exactly
 * ({@link dev.greenlight.policy.evidence.SeriesCitation#through}).
 *
 * @param position ledger position {@code partition/sequence}
 * @param event    the decoded event
 * @param source   partition and offset of the topic the event was read from; null when not known
 */
public record RecordedEvent(String position, SpecificRecord event, SourceOffset source) {

    /** An event whose source position is not known. */
    public RecordedEvent(String position, SpecificRecord event) {
        this(position, event, null);
    }
}
