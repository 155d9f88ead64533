package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Entry;
import org.apache.avro.specific.SpecificRecord;

/**
 * A ledger entry as the index learnt it: the entry, the event it recorded (decoded) and the release
 * version that event is about.
 *
 * @param entry   the ledger entry
 * @param event   its payload decoded through the source topic's schema
 * @param version the version the event names; for a deployment report, the version of the command it
 *                reports on; null for target-wide events such as alerts
 */
public record IndexedEvent(Entry entry, SpecificRecord event, String version) {
}
