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
     * One encoder per thread, reused: hashing millions of entries must allocate nothing per entry, since
     * outside SHA-256 itself the encoding is a verifier's only per-entry cost (docs/ledger.md §10).
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

    /**
     * The entry hash written to {@code out} (32 bytes) with the caller's encoder and digest, allocating
     * nothing. The digest must be reset, as every {@code digest} call leaves it: resetting it again would
     * clear SHA-256's state a second time per entry for nothing.
     */
    static void hashInto(Entry entry, Encoder encoder, MessageDigest digest, byte[] out) {
        int length = encoder.write(entry);
        digest.update(encoder.buffer, 0, length);
        try {
            digest.digest(out, 0, Sha256.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }

    /** Writes the encoding into a reused array: big-endian integers through a view, everything else copied. */
    static final class Encoder {
        private byte[] buffer = new byte[1024];

        /** The encoding in {@link #buffer}; returns its length. */
        int write(Entry entry) {
            // The text fields are already in their encoded form (Entry keeps them so): two copies, no
            // string is encoded per entry. Only the rare reason of an undecodable entry is.
            byte[] text = entry.text();
            if (!entry.textComplete()) {
                throw new NullPointerException("entry " + entry.position() + " has a null text field");
            }
            String reason = entry.reason();
            byte[] reasonBytes = reason == null ? null : reason.getBytes(StandardCharsets.UTF_8);
            int size = 4 + UNDECODABLE_TAG_BYTES.length + 4 + 8 + 4 + entry.previousHash().length + 8 + text.length
                    + 4 + 8 + 4 + 4 + entry.payloadSha256().length + (reason == null ? 0 : 4 + reasonBytes.length);
            if (buffer.length < size) {
                buffer = new byte[Math.max(size, buffer.length * 2)];
            }
            byte[] out = buffer;
            int at = putBytes(out, 0, reason == null ? TAG_BYTES : UNDECODABLE_TAG_BYTES);
            INT.set(out, at, entry.ledgerPartition());
            LONG.set(out, at + 4, entry.sequence());
            at = putBytes(out, at + 12, entry.previousHash());
            LONG.set(out, at, entry.recordedAtMillis());
            at += 8;
            // entryId, principal, target, sourceTopic
            int second = entry.secondRun();
            System.arraycopy(text, 0, out, at, second);
            at += second;
            INT.set(out, at, entry.sourcePartition());
            LONG.set(out, at + 4, entry.sourceOffset());
            at += 12;
            // sourceEventId, eventType
            System.arraycopy(text, second, out, at, text.length - second);
            at += text.length - second;
            INT.set(out, at, entry.schemaId());
            at = putBytes(out, at + 4, entry.payloadSha256());
            if (reason != null) {
                at = putBytes(out, at, reasonBytes);
            }
            return at;
        }
    }

    /**
     * Writes {@code value} as the encoding's {@code str}/{@code bytes} (int32 length, then the bytes) at
     * {@code at}, or a length of -1 for null (which no encoding ever contains: see {@link Entry}).
     */
    static int putText(byte[] out, int at, byte[] value) {
        if (value == null) {
            INT.set(out, at, -1);
            return at + 4;
        }
        return putBytes(out, at, value);
    }

    /** Writes the first {@code length} bytes of {@code value} as a {@code str} at {@code at}. */
    static int putText(byte[] out, int at, byte[] value, int length) {
        INT.set(out, at, length);
        System.arraycopy(value, 0, out, at + 4, length);
        return at + 4 + length;
    }

    /** Writes {@code length} bytes of {@code value} from {@code from} as a {@code str} at {@code at}. */
    static int putText(byte[] out, int at, byte[] value, int from, int length) {
        INT.set(out, at, length);
        System.arraycopy(value, from, out, at + 4, length);
        return at + 4 + length;
    }

    static int readInt(byte[] in, int at) {
        return (int) INT.get(in, at);
    }

    private static int putBytes(byte[] out, int at, byte[] value) {
        INT.set(out, at, value.length);
        System.arraycopy(value, 0, out, at + 4, value.length);
        return at + 4 + value.length;
    }
}
