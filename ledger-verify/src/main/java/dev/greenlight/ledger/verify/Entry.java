package dev.greenlight.ledger.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * One ledger entry as the domain sees it: the content of an Avro {@code LedgerEntry} without any
 * dependency on Avro or Kafka, so the verification rules can be read (and re-implemented) without them.
 *
 * <p>A value class rather than a record for one reason: speed (docs/ledger.md §10). The six text fields
 * are kept as the bytes the canonical encoding hashes ({@link EntryEncoding}: int32 length and UTF-8,
 * in encoding order), encoded once when the entry is made, so verifying millions of entries copies
 * bytes instead of encoding strings; the string accessors decode them on demand (display, JSON, queries).
 * A value is therefore exactly what is hashed: a string that is not valid UTF-16 (an unpaired
 * surrogate) reads back as its UTF-8 encoding decodes, {@code ?} in its place — which is what the hash
 * always covered. A null text field is kept as null and fails when the entry is encoded, as before.
 *
 * <p>Components ({@code ledgerPartition} ... {@code reason}):
 * ledgerPartition: ledger partition, i.e. which hash chain; sequence: position in that chain, from 0
 * without gaps; previousHash: entryHash of the previous entry in the chain, 32 zero bytes for sequence
 * 0; entryHash: SHA-256 of the canonical encoding ({@link EntryEncoding}); recordedAt: when the ledger
 * appended the entry (millisecond precision); entryId: meta.eventId of the ledger entry itself;
 * principal: meta.principal of the ledger entry (the ledger service); target: the recorded event's key;
 * sourceTopic, sourcePartition, sourceOffset: where it was read from; sourceEventId: meta.eventId of
 * the recorded event; eventType: full Avro name of the recorded event; schemaId: registry id in the
 * payload's wire-format header; payload: the recorded value, byte for byte, in Confluent wire format;
 * payloadSha256: SHA-256 of payload; reason: null for a recorded event; for a source record the ledger
 * could not decode (an <i>undecodable entry</i>: tombstone, non-Avro bytes, unknown schema id...) why,
 * in which case eventType is empty, schemaId {@value #UNDECODABLE_SCHEMA_ID} and payload the raw value
 * (at most {@value #UNDECODABLE_PAYLOAD_LIMIT} bytes of it).
 */
public final class Entry {

    /** schemaId of an undecodable entry: no registry id is ever negative. */
    public static final int UNDECODABLE_SCHEMA_ID = -1;

    /** Most raw bytes an undecodable entry keeps; longer values keep this prefix (see docs/ledger.md §1). */
    public static final int UNDECODABLE_PAYLOAD_LIMIT = 65_536;

    /** Length prefix standing for a null text field in {@link #text} (never written to an encoding). */
    private static final int NULL = -1;

    private final int ledgerPartition;
    private final long sequence;
    private final byte[] previousHash;
    private final byte[] entryHash;
    private final Instant recordedAt;
    /** recordedAt as the encoding writes it, so encoding does not reach into the Instant (another object). */
    private final long recordedAtMillis;
    /**
     * entryId, principal, target, sourceTopic, then sourceEventId, eventType, each as the encoding's
     * {@code str} (int32 length, UTF-8): the two runs the encoding copies as they are.
     */
    private final byte[] text;
    /** Where sourceEventId starts in {@link #text}: the second run. */
    private final int secondRun;
    private final int sourcePartition;
    private final long sourceOffset;
    private final int schemaId;
    private final byte[] payload;
    private final byte[] payloadSha256;
    private final String reason;

    public Entry(int ledgerPartition, long sequence, byte[] previousHash, byte[] entryHash, Instant recordedAt,
            String entryId, String principal, String target, String sourceTopic, int sourcePartition,
            long sourceOffset, String sourceEventId, String eventType, int schemaId, byte[] payload,
            byte[] payloadSha256, String reason) {
        this.ledgerPartition = ledgerPartition;
        this.sequence = sequence;
        this.previousHash = previousHash;
        this.entryHash = entryHash;
        this.recordedAt = recordedAt;
        this.recordedAtMillis = recordedAt == null ? 0 : recordedAt.toEpochMilli();
        byte[][] utf8 = {utf8(entryId), utf8(principal), utf8(target), utf8(sourceTopic), utf8(sourceEventId),
                utf8(eventType)};
        int size = 0;
        for (byte[] value : utf8) {
            size += 4 + (value == null ? 0 : value.length);
        }
        this.text = new byte[size];
        int at = 0;
        int second = 0;
        for (int f = 0; f < utf8.length; f++) {
            if (f == 4) {
                second = at;
            }
            at = EntryEncoding.putText(text, at, utf8[f]);
        }
        this.secondRun = second;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
        this.schemaId = schemaId;
        this.payload = payload;
        this.payloadSha256 = payloadSha256;
        this.reason = reason;
    }

    /** An entry recording a decoded event (no reason). */
    public Entry(int ledgerPartition, long sequence, byte[] previousHash, byte[] entryHash, Instant recordedAt,
            String entryId, String principal, String target, String sourceTopic, int sourcePartition,
            long sourceOffset, String sourceEventId, String eventType, int schemaId, byte[] payload,
            byte[] payloadSha256) {
        this(ledgerPartition, sequence, previousHash, entryHash, recordedAt, entryId, principal, target, sourceTopic,
                sourcePartition, sourceOffset, sourceEventId, eventType, schemaId, payload, payloadSha256, null);
    }

    /**
     * An entry whose text fields arrive already encoded, as {@link #text()} holds them (six {@code str}
     * runs, the second starting at {@code secondRun}): what a decoder that read UTF-8 hands over, so no
     * {@code String} is made and encoded again per field ({@link ExportEntryParser}).
     */
    Entry(int ledgerPartition, long sequence, byte[] previousHash, byte[] entryHash, long recordedAtMillis,
            byte[] text, int secondRun, int sourcePartition, long sourceOffset, int schemaId, byte[] payload,
            byte[] payloadSha256, String reason) {
        this.ledgerPartition = ledgerPartition;
        this.sequence = sequence;
        this.previousHash = previousHash;
        this.entryHash = entryHash;
        this.recordedAt = Instant.ofEpochMilli(recordedAtMillis);
        this.recordedAtMillis = recordedAtMillis;
        this.text = text;
        this.secondRun = secondRun;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
        this.schemaId = schemaId;
        this.payload = payload;
        this.payloadSha256 = payloadSha256;
        this.reason = reason;
    }

    private Entry(Entry from, byte[] otherPayload) {
        this.ledgerPartition = from.ledgerPartition;
        this.sequence = from.sequence;
        this.previousHash = from.previousHash;
        this.entryHash = from.entryHash;
        this.recordedAt = from.recordedAt;
        this.recordedAtMillis = from.recordedAtMillis;
        this.text = from.text;
        this.secondRun = from.secondRun;
        this.sourcePartition = from.sourcePartition;
        this.sourceOffset = from.sourceOffset;
        this.schemaId = from.schemaId;
        this.payload = otherPayload;
        this.payloadSha256 = from.payloadSha256;
        this.reason = from.reason;
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    public int ledgerPartition() {
        return ledgerPartition;
    }

    public long sequence() {
        return sequence;
    }

    public byte[] previousHash() {
        return previousHash;
    }

    public byte[] entryHash() {
        return entryHash;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String entryId() {
        return string(0);
    }

    public String principal() {
        return string(1);
    }

    public String target() {
        return string(2);
    }

    public String sourceTopic() {
        return string(3);
    }

    public int sourcePartition() {
        return sourcePartition;
    }

    public long sourceOffset() {
        return sourceOffset;
    }

    public String sourceEventId() {
        return string(4);
    }

    public String eventType() {
        return string(5);
    }

    public int schemaId() {
        return schemaId;
    }

    public byte[] payload() {
        return payload;
    }

    public byte[] payloadSha256() {
        return payloadSha256;
    }

    public String reason() {
        return reason;
    }

    /** {@link #recordedAt()} in epoch milliseconds, read by {@link EntryEncoding}. */
    long recordedAtMillis() {
        if (recordedAt == null) {
            throw new NullPointerException("entry " + position() + " has no recordedAt");
        }
        return recordedAtMillis;
    }

    /** The encoded text fields (see {@link #text}), read by {@link EntryEncoding} only. */
    byte[] text() {
        return text;
    }

    /** Where the second run of text fields (sourceEventId, eventType) starts in {@link #text()}. */
    int secondRun() {
        return secondRun;
    }

    /** Whether every text field is present (an entry with a null one cannot be encoded). */
    boolean textComplete() {
        for (int f = 0, at = 0; f < 6; f++) {
            int length = EntryEncoding.readInt(text, at);
            if (length == NULL) {
                return false;
            }
            at += 4 + length;
        }
        return true;
    }

    private String string(int field) {
        int at = 0;
        for (int f = 0; f < field; f++) {
            at += 4 + Math.max(0, EntryEncoding.readInt(text, at));
        }
        int length = EntryEncoding.readInt(text, at);
        return length == NULL ? null : new String(text, at + 4, length, StandardCharsets.UTF_8);
    }

    /** Whether this entry records a source record that could not be decoded (it carries a reason). */
    public boolean undecodable() {
        return reason != null;
    }

    /** A copy with another payload, keeping every hash: what a tamperer flipping a byte produces. */
    public Entry withPayload(byte[] otherPayload) {
        return new Entry(this, otherPayload);
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
        return "Entry[" + position() + " " + eventType() + " " + sourceTopic() + "-" + sourcePartition + "@"
                + sourceOffset + " hash=" + Sha256.hex(entryHash) + "]";
    }
}
