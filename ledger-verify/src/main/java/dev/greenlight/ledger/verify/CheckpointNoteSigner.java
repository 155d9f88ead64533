package dev.greenlight.ledger.verify;

import java.security.KeyPair;

/**
 * Signs checkpoints as C2SP notes with the ledger's Ed25519 key, under the key name that is the
 * checkpoint origin (the convention of c2sp.org/tlog-checkpoint). A seam of its own so the key it
 * holds can change (rotation) without the writer or the note format knowing.
 */
public final class CheckpointNoteSigner {

    private final String origin;
    private final KeyPair keys;
    private final NoteKey key;

    public CheckpointNoteSigner(String origin, KeyPair keys) {
        this.origin = origin;
        this.keys = keys;
        this.key = NoteKey.of(origin, NoteKey.ED25519, keys.getPublic());
    }

    /** The checkpoint as a signed note: {@link CheckpointNote#of} signed by {@link #key()}. */
    public SignedNote sign(Checkpoint checkpoint) {
        return SignedNote.sign(CheckpointNote.of(origin, checkpoint).body(), key, keys.getPrivate());
    }

    /** The key verifiers use: named by the origin, type 0x01. */
    public NoteKey key() {
        return key;
    }

    public String origin() {
        return origin;
    }
}
