package dev.greenlight.ledger.verify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

    /** Reused per thread: hashing millions of entries must not allocate an encoding buffer for each. */
    private static final ThreadLocal<ByteBuffer> BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1024));

    /**
     * UTF-8 of the strings nearly every entry repeats — principal, source topic, event type: a ledger
     * has one principal, tens of topics and types — per thread, so they are not encoded again for each of
     * millions of entries (a verifier's main cost outside SHA-256, docs/ledger.md §10). Direct-mapped,
     * 64 slots, each checked with {@code equals}: a miss only costs the encoding it would have cost anyway.
     */
    private static final ThreadLocal<RepeatedStrings> REPEATED = ThreadLocal.withInitial(RepeatedStrings::new);

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

    /** The canonical bytes of {@code entry} (its entryHash field is ignored). */
    public static byte[] encode(Entry entry) {
        ByteBuffer encoded = write(entry);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    /** SHA-256 of {@link #encode}: the entry hash. */
    public static byte[] hash(Entry entry) {
        ByteBuffer encoded = write(entry);
        MessageDigest digest = Sha256.digest();
        digest.update(encoded);
        return digest.digest();
    }

    /** The entry hash written to {@code out} (32 bytes) with the caller's digest, allocating nothing. */
    static void hashInto(Entry entry, MessageDigest digest, byte[] out) {
        ByteBuffer encoded = write(entry);
        digest.reset();
        digest.update(encoded);
        try {
            digest.digest(out, 0, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    /** The encoding in a thread-local buffer, flipped for reading; valid until the thread's next call. */
    private static ByteBuffer write(Entry entry) {
        // An upper bound (UTF-8 needs at most 3 bytes per UTF-16 char), so nothing is measured twice.
        String reason = entry.reason();
        int size = 4 + UNDECODABLE_TAG_BYTES.length + 4 + 8 + 4 + entry.previousHash().length + 8 + 4 + 8 + 4 + 4
                + entry.payloadSha256().length + 6 * 4
                + 3 * (entry.entryId().length() + entry.principal().length() + entry.target().length()
                        + entry.sourceTopic().length() + entry.sourceEventId().length() + entry.eventType().length())
                + (reason == null ? 0 : 4 + 3 * reason.length());
        ByteBuffer out = BUFFER.get();
        if (out.capacity() < size) {
            out = ByteBuffer.allocate(Math.max(size, out.capacity() * 2));
            BUFFER.set(out);
        }
        out.clear();
        RepeatedStrings repeated = REPEATED.get();
        putBytes(out, reason == null ? TAG_BYTES : UNDECODABLE_TAG_BYTES);
        out.putInt(entry.ledgerPartition());
        out.putLong(entry.sequence());
        putBytes(out, entry.previousHash());
        out.putLong(entry.recordedAt().toEpochMilli());
        putString(out, entry.entryId());
        putBytes(out, repeated.utf8(entry.principal()));
        putString(out, entry.target());
        putBytes(out, repeated.utf8(entry.sourceTopic()));
        out.putInt(entry.sourcePartition());
        out.putLong(entry.sourceOffset());
        putString(out, entry.sourceEventId());
        putBytes(out, repeated.utf8(entry.eventType()));
        out.putInt(entry.schemaId());
        putBytes(out, entry.payloadSha256());
        if (reason != null) {
            putString(out, reason);
        }
        return out.flip();
    }

    /**
     * {@code str}: int32 length and UTF-8. {@code getBytes} is the fastest way there: for the ASCII
     * strings of a ledger the JDK checks and copies them with vector instructions, which beats writing
     * them char by char even counting the short-lived array (measured, docs/ledger.md §10).
     */
    private static void putString(ByteBuffer out, String value) {
        putBytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void putBytes(ByteBuffer out, byte[] value) {
        out.putInt(value.length);
        out.put(value);
    }
}
