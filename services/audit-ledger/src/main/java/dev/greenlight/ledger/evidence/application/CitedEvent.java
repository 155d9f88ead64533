package dev.greenlight.ledger.evidence.application;

import dev.greenlight.ledger.evidence.domain.Source;
import org.apache.avro.specific.SpecificRecord;

/** A decoded ledger event together with the entry that holds it, so whatever is read from it can cite it. */
public record CitedEvent(Source source, SpecificRecord event) {
}
