package dev.greenlight.ledger.verify;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The hashing half of checking one entry (docs/ledger.md §5.1, steps 1-2): its payload against
 * {@code payloadSha256} and the schema id, its fields against {@code entryHash}, and its Merkle leaf
 * hash. Each entry is checked on its own, so this is what runs on every core; the chain walk
 * ({@link ChainWalk}) only compares the results. One per thread, reused: nothing is allocated per entry.
 */
final class EntryHasher {

    static final byte OK = 0;
    static final byte FOREIGN = 1;
    static final byte PAYLOAD_ALTERED = 2;
    static final byte ENTRY_HASH_MISMATCH = 3;
    /**
     * Hashes fine and already known to extend the record before it in storage order (or genesis): the
     * walk accepts it without touching the entry again, which on a large ledger is a cache miss per field.
     */
    static final byte LINKED = 4;

    static final byte[] GENESIS = new byte[Sha256.LENGTH];

    private final MessageDigest digest = Sha256.newDigest();
    private final EntryEncoding.Encoder encoder = new EntryEncoding.Encoder();
    private final byte[] hash = new byte[Sha256.LENGTH];
    /** 0x00 || entryHash: the leaf input, hashed in one update like every other message. */
    private final byte[] leafInput = new byte[1 + Sha256.LENGTH];

    /**
     * Hashes {@code entry}; when it returns {@link #OK} its leaf hash is at {@code leaves[offset..offset+32)}.
     *
     * @return {@link #OK}, {@link #PAYLOAD_ALTERED} or {@link #ENTRY_HASH_MISMATCH}
     */
    byte hash(Entry entry, byte[] leaves, int offset) {
        digest.update(entry.payload());
        digestInto(digest, hash, 0);
        if (!Arrays.equals(hash, entry.payloadSha256()) || !schemaIdMatches(entry)) {
            return PAYLOAD_ALTERED;
        }
        EntryEncoding.hashInto(entry, encoder, digest, hash);
        if (!Arrays.equals(hash, entry.entryHash())) {
            return ENTRY_HASH_MISMATCH;
        }
        System.arraycopy(hash, 0, leafInput, 1, Sha256.LENGTH);
        digest.update(leafInput);
        digestInto(digest, leaves, offset);
        return OK;
    }

    /** A recorded payload starts with the wire-format header naming the entry's schema id. */
    static boolean schemaIdMatches(Entry entry) {
        if (entry.undecodable()) {
            // The raw bytes could not be read as the wire format: nothing to match but the marker id.
            return entry.schemaId() == Entry.UNDECODABLE_SCHEMA_ID;
        }
        byte[] payload = entry.payload();
        if (payload.length < 5 || payload[0] != 0) {
            return false;
        }
        int id = ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16) | ((payload[3] & 0xff) << 8)
                | (payload[4] & 0xff);
        return id == entry.schemaId();
    }

    static void digestInto(MessageDigest digest, byte[] out, int offset) {
        try {
            digest.digest(out, offset, Sha256.LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 writes 32 bytes", e);
        }
    }
}
