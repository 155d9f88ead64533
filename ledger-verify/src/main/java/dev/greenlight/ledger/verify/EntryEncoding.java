package dev.greenlight.ledger.verify;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The canonical byte encoding an entry hash is computed over (specified in docs/ledger.md, section
 * "Entry hash"). Avro's binary encoding is not used on purpose: it is not canonical across schema
 * versions, and a third party must be able to recompute the hash from the field values alone.
 *
 * <p>Layout (all integers big-endian; {@code str} and {@code bytes} are a 4-byte length followed by
 * the UTF-8 / raw bytes):
 * <pre>
 * bytes  tag = ASCII "greenlight-ledger-entry/v1"   (domain separation from checkpoints and Merkle nodes)
 * int32  ledgerPartition
 * int64  sequence
 * bytes  previousHash
 * int64  recordedAt (epoch millis)
 * str    entryId, str principal, str target
 * str    sourceTopic, int32 sourcePartition, int64 sourceOffset, str sourceEventId
 * str    eventType, int32 schemaId
 * bytes  payloadSha256
 * str    reason                                 (undecodable entries only)
 * </pre>
 * An undecodable entry (one with a {@link Entry#reason() reason}) uses the tag {@link #UNDECODABLE_TAG}
 * instead and appends its reason as a 16th field, so the reason is covered by the hash and no
 * undecodable entry can hash like a recorded one; a recorded entry's encoding is unchanged.
 * The payload enters through its SHA-256 only, so the hash can be checked without the payload and
 * the payload checked against {@code payloadSha256} separately.
 */
public final class EntryEncoding {

    /** Domain-separation tag of entry hashes, version 1. */
    public static final String TAG = "greenlight-ledger-entry/v1";

    /** Domain-separation tag of undecodable entries' hashes (the reason is the 16th field). */
    public static final String UNDECODABLE_TAG = "greenlight-ledger-undecodable/v1";

    private static final byte[] TAG_BYTES = TAG.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNDECODABLE_TAG_BYTES = UNDECODABLE_TAG.getBytes(StandardCharsets.US_ASCII);

    private EntryEncoding() {
    }

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * One encoder per thread, reused: hashing millions of entries must allocate nothing per entry (no
     * buffer, no UTF-8 array per string), since outside SHA-256 itself the encoding is a verifier's only
     * real cost (docs/ledger.md §10).
     */
    private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

    /** The canonical bytes of {@code entry} (its entryHash field is ignored). */
    public static byte[] encode(Entry entry) {
        Encoder encoder = ENCODER.get();
        return Arrays.copyOf(encoder.buffer, encoder.write(entry));
    }

    /** Writes the encoding into this thread's buffer and returns its length: the encoding's cost alone (benchmark). */
    static int encodeInPlace(Entry entry) {
        return ENCODER.get().write(entry);
    }

    /** SHA-256 of {@link #encode}: the entry hash. */
    public static byte[] hash(Entry entry) {
        Encoder encoder = ENCODER.get();
        int length = encoder.write(entry);
        MessageDigest digest = Sha256.digest();
        digest.update(encoder.buffer, 0, length);
        return digest.digest();
    }

    /** The entry hash written to {@code out} (32 bytes) with the caller's digest, allocating nothing. */
    static void hashInto(Entry entry, MessageDigest digest, byte[] out) {
        Encoder encoder = ENCODER.get();
        int length = encoder.write(entry);
        digest.reset();
        digest.update(encoder.buffer, 0, length);
        try {
            digest.digest(out, 0, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    /**
     * UTF-8 of the strings nearly every entry repeats — principal, source topic, event type: a ledger
     * has one principal, tens of topics and types — so they are not encoded again for each of millions
     * of entries. Direct-mapped, 64 slots, each checked with {@code equals}: a miss only costs the
     * encoding it would have cost anyway.
     */
    private static final class RepeatedStrings {
        private final String[] keys = new String[64];
        private final byte[][] encoded = new byte[64][];

        byte[] utf8(String value) {
            int length = value.length();
            int slot = (length * 31 + (length == 0 ? 0 : value.charAt(length - 1))) & 63;
            String key = keys[slot];
            if (key != null && key.equals(value)) {
                return encoded[slot];
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            keys[slot] = value;
            encoded[slot] = bytes;
            return bytes;
        }
    }

    /** Writes the encoding into a reused array, big-endian integers through a view, ASCII strings copied. */
    private static final class Encoder {
        private byte[] buffer = new byte[1024];
        private final RepeatedStrings repeated = new RepeatedStrings();

        /** The encoding in {@link #buffer}; returns its length. */
        int write(Entry entry) {
            // An upper bound (UTF-8 needs at most 3 bytes per UTF-16 char), so nothing is measured twice.
            String reason = entry.reason();
            int size = 4 + UNDECODABLE_TAG_BYTES.length + 4 + 8 + 4 + entry.previousHash().length + 8 + 4 + 8 + 4 + 4
                    + entry.payloadSha256().length + 6 * 4
                    + 3 * (entry.entryId().length() + entry.principal().length() + entry.target().length()
                            + entry.sourceTopic().length() + entry.sourceEventId().length()
                            + entry.eventType().length())
                    + (reason == null ? 0 : 4 + 3 * reason.length());
            if (buffer.length < size) {
                buffer = new byte[Math.max(size, buffer.length * 2)];
            }
            byte[] out = buffer;
            int at = putBytes(out, 0, reason == null ? TAG_BYTES : UNDECODABLE_TAG_BYTES);
            INT.set(out, at, entry.ledgerPartition());
            LONG.set(out, at + 4, entry.sequence());
            at = putBytes(out, at + 12, entry.previousHash());
            LONG.set(out, at, entry.recordedAt().toEpochMilli());
            at = putString(out, at + 8, entry.entryId());
            at = putBytes(out, at, repeated.utf8(entry.principal()));
            at = putString(out, at, entry.target());
            at = putBytes(out, at, repeated.utf8(entry.sourceTopic()));
            INT.set(out, at, entry.sourcePartition());
            LONG.set(out, at + 4, entry.sourceOffset());
            at = putString(out, at + 12, entry.sourceEventId());
            at = putBytes(out, at, repeated.utf8(entry.eventType()));
            INT.set(out, at, entry.schemaId());
            at = putBytes(out, at + 4, entry.payloadSha256());
            if (reason != null) {
                at = putString(out, at, reason);
            }
            return at;
        }
    }

    /**
     * {@code str}: int32 length and UTF-8. {@code getBytes} is the fastest way there: for the ASCII
     * strings of a ledger the JDK checks and copies them with vector instructions, which beats writing
     * them char by char even counting the short-lived array (measured, docs/ledger.md §10).
     */
    private static int putString(byte[] out, int at, String value) {
        return putBytes(out, at, value.getBytes(StandardCharsets.UTF_8));
    }

    private static int putBytes(byte[] out, int at, byte[] value) {
        INT.set(out, at, value.length);
        System.arraycopy(value, 0, out, at + 4, value.length);
        return at + 4 + value.length;
    }
}
