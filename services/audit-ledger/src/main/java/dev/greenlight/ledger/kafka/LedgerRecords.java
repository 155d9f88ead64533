package dev.greenlight.ledger.kafka;

import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How a raw record of the ledger topic becomes a {@link LedgerItem}: an entry when it decodes, a
 * foreign item (kept, so verification can name it) when it does not. One rule for every reader, so
 * the live tail and a full re-read never disagree about what is on the ledger. A record that does not
 * decode only because the schema registry does not answer throws {@link RegistryUnavailableException}.
 */
final class LedgerRecords {

    private LedgerRecords() {
    }

    static LedgerItem item(ConsumerRecord<byte[], byte[]> record, AvroDeserializer<LedgerEntry> entries) {
        String location = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null) {
            return new LedgerItem.Foreign(record.partition(), location, "empty record (tombstone)");
        }
        try {
            return new LedgerItem.Recorded(LedgerCodec.fromAvro(entries.deserialize(record.topic(), record.value())),
                    location);
        } catch (SerializationException | NullPointerException e) {
            if (SchemaRegistryException.isRegistryUnavailable(e)) {
                // A good entry the registry's silence keeps from decoding is not foreign: calling it
                // foreign would make the writer resume its chain before it (and verify fail).
                throw new RegistryUnavailableException(record.topic(), record.partition(), record.offset(), e);
            }
            return new LedgerItem.Foreign(record.partition(), location, e.getMessage());
        }
    }

    /** The offset in an item's {@link LedgerItem#location()} ({@code topic-partition@offset}, as {@link #item} writes it). */
    static long offset(String location) {
        return Long.parseLong(location.substring(location.lastIndexOf('@') + 1));
    }
}
