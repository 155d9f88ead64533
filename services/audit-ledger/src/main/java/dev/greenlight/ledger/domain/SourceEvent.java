package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Sha256;
import java.util.Arrays;

/**
 * One record read from a source topic, as much as the ledger needs to record it: a decoded
 * Greenlight event, or a record that could not be decoded (then {@code reason} says why), because
 * the ledger accounts for every offset of every source topic, not only for the readable ones.
 *
 * @param target        the record key ("" when it has none)
 * @param topic         source topic
 * @param partition     source partition
 * @param offset        source offset
 * @param eventId       meta.eventId of the decoded event; "" when undecodable
 * @param eventType     full Avro name of the decoded event; "" when undecodable
 * @param schemaId      id in the wire-format header; {@link Entry#UNDECODABLE_SCHEMA_ID} when undecodable
 * @param payload       the value bytes exactly as read (an undecodable one's first
 *                      {@link Entry#UNDECODABLE_PAYLOAD_LIMIT} bytes)
 * @param reason        null for a decoded event, else why the record could not be decoded
 */
public record SourceEvent(String target, String topic, int partition, long offset, String eventId,
        String eventType, int schemaId, byte[] payload, String reason) {

    /** A decoded Greenlight event. */
    public SourceEvent(String target, String topic, int partition, long offset, String eventId, String eventType,
            int schemaId, byte[] payload) {
        this(target, topic, partition, offset, eventId, eventType, schemaId, payload, null);
    }

    /**
     * A record that is not a decodable Greenlight event: {@code value} null for a tombstone. A value
     * longer than {@link Entry#UNDECODABLE_PAYLOAD_LIMIT} keeps that prefix, and the reason then ends
     * with the full size and SHA-256 so the entry still commits to every byte of the record.
     */
    public static SourceEvent undecodable(String target, String topic, int partition, long offset, byte[] value,
            String why) {
        byte[] raw = value == null ? new byte[0] : value;
        String reason = why;
        byte[] kept = raw;
        if (raw.length > Entry.UNDECODABLE_PAYLOAD_LIMIT) {
            kept = Arrays.copyOf(raw, Entry.UNDECODABLE_PAYLOAD_LIMIT);
            reason = why + " [value truncated: " + raw.length + " bytes, sha256 " + Sha256.hex(Sha256.of(raw)) + "]";
        }
        return new SourceEvent(target, topic, partition, offset, "", "", Entry.UNDECODABLE_SCHEMA_ID, kept, reason);
    }
}
