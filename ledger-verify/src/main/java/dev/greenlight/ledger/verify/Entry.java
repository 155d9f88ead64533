package dev.greenlight.ledger.verify;

import java.time.Instant;
import java.util.Arrays;

/**
 * One ledger entry as the domain sees it: the content of an Avro {@code LedgerEntry} without any
 * dependency on Avro or Kafka, so the verification rules can be read (and re-implemented) without them.
 *
 * @param ledgerPartition ledger partition, i.e. which hash chain
 * @param sequence        position in that chain, from 0 without gaps
 * @param previousHash    entryHash of the previous entry in the chain; 32 zero bytes for sequence 0
 * @param entryHash       SHA-256 of the canonical encoding ({@link EntryEncoding})
 * @param recordedAt      when the ledger appended the entry (millisecond precision)
 * @param entryId         meta.eventId of the ledger entry itself
 * @param principal       meta.principal of the ledger entry (the ledger service)
 * @param target          the recorded event's key
 * @param sourceTopic     topic the event was read from
 * @param sourcePartition partition it was read from
 * @param sourceOffset    offset it was read from
 * @param sourceEventId   meta.eventId of the recorded event
 * @param eventType       full Avro name of the recorded event
 * @param schemaId        registry id in the payload's wire-format header
 * @param payload         the recorded value, byte for byte, in Confluent wire format
 * @param payloadSha256   SHA-256 of payload
 * @param reason          null for a recorded event; for a source record the ledger could not decode
 *                        (an <i>undecodable entry</i>: tombstone, non-Avro bytes, unknown schema id...)
 *                        why, in which case eventType is empty, schemaId {@value #UNDECODABLE_SCHEMA_ID}
 *                        and payload the raw value (at most {@value #UNDECODABLE_PAYLOAD_LIMIT} bytes of it)
 */
public record Entry(int ledgerPartition, long sequence, byte[] previousHash, byte[] entryHash, Instant recordedAt,
        String entryId, String principal, String target, String sourceTopic, int sourcePartition,
        long sourceOffset, String sourceEventId, String eventType, int schemaId, byte[] payload,
        byte[] payloadSha256, String reason) {

    /** schemaId of an undecodable entry: no registry id is ever negative. */
    public static final int UNDECODABLE_SCHEMA_ID = -1;

    /** Most raw bytes an undecodable entry keeps; longer values keep this prefix (see docs/ledger.md §1). */
    public static final int UNDECODABLE_PAYLOAD_LIMIT = 65_536;

    /** An entry recording a decoded event (no reason). */
    public Entry(int ledgerPartition, long sequence, byte[] previousHash, byte[] entryHash, Instant recordedAt,
            String entryId, String principal, String target, String sourceTopic, int sourcePartition,
            long sourceOffset, String sourceEventId, String eventType, int schemaId, byte[] payload,
            byte[] payloadSha256) {
        this(ledgerPartition, sequence, previousHash, entryHash, recordedAt, entryId, principal, target, sourceTopic,
                sourcePartition, sourceOffset, sourceEventId, eventType, schemaId, payload, payloadSha256, null);
    }

    /** Whether this entry records a source record that could not be decoded (it carries a reason). */
    public boolean undecodable() {
        return reason != null;
    }

    /** A copy with another payload, keeping every hash: what a tamperer flipping a byte produces. */
    public Entry withPayload(byte[] otherPayload) {
        return new Entry(ledgerPartition, sequence, previousHash, entryHash, recordedAt, entryId, principal, target,
                sourceTopic, sourcePartition, sourceOffset, sourceEventId, eventType, schemaId, otherPayload,
                payloadSha256, reason);
    }

    /** Where this entry sits, for messages: {@code partition/sequence}. */
    public String position() {
        return ledgerPartition + "/" + sequence;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Entry that && ledgerPartition == that.ledgerPartition && sequence == that.sequence
                && Arrays.equals(entryHash, that.entryHash) && Arrays.equals(previousHash, that.previousHash)
                && Arrays.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * ledgerPartition + Long.hashCode(sequence)) + Arrays.hashCode(entryHash);
    }

    @Override
    public String toString() {
        return "Entry[" + position() + " " + eventType + " " + sourceTopic + "-" + sourcePartition + "@"
                + sourceOffset + " hash=" + Sha256.hex(entryHash) + "]";
    }
}
