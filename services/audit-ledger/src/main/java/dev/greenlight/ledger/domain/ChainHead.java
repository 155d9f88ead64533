package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Entry;
import java.time.Instant;

/**
 * The tip of one ledger partition's hash chain and the only way new entries are made, so an entry
 * can never be created that does not extend the chain it belongs to.
 *
 * @param ledgerPartition the chain
 * @param nextSequence    sequence the next entry gets (= number of entries so far)
 * @param lastHash        entryHash of the last entry; 32 zero bytes for an empty chain
 */
public record ChainHead(int ledgerPartition, long nextSequence, byte[] lastHash) {

    /** Principal recorded on every entry: the ledger itself, not the producer of the recorded event. */
    public static final String PRINCIPAL = "audit-ledger";

    public static ChainHead empty(int ledgerPartition) {
        return new ChainHead(ledgerPartition, 0, new byte[Sha256.LENGTH]);
    }

    /** The head after {@code entry}, which must be this chain's next entry. */
    public static ChainHead after(Entry entry) {
        return new ChainHead(entry.ledgerPartition(), entry.sequence() + 1, entry.entryHash());
    }

    /** The entry recording {@code event} at {@code recordedAt} (millisecond precision, as stored). */
    public Entry append(SourceEvent event, Instant recordedAt) {
        Instant millis = Instant.ofEpochMilli(recordedAt.toEpochMilli());
        byte[] payloadSha = Sha256.of(event.payload());
        Entry draft = new Entry(ledgerPartition, nextSequence, lastHash, null, millis, entryId(event), PRINCIPAL,
                event.target(), event.topic(), event.partition(), event.offset(), event.eventId(), event.eventType(),
                event.schemaId(), event.payload(), payloadSha, event.reason());
        return new Entry(ledgerPartition, nextSequence, lastHash, EntryEncoding.hash(draft), millis, draft.entryId(),
                PRINCIPAL, event.target(), event.topic(), event.partition(), event.offset(), event.eventId(),
                event.eventType(), event.schemaId(), event.payload(), payloadSha, event.reason());
    }

    /** Derived from the source position so recording the same source record twice is visible. */
    static String entryId(SourceEvent event) {
        return "ledger:" + event.topic() + "-" + event.partition() + "@" + event.offset();
    }

    /** The head a checkpoint records for this chain. */
    public PartitionHead asPartitionHead() {
        return new PartitionHead(ledgerPartition, nextSequence - 1, lastHash);
    }
}
