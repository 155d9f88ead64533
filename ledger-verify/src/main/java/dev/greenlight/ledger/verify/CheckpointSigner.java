package dev.greenlight.ledger.verify;

import java.security.KeyPair;
import java.time.Clock;
import java.util.List;

/**
 * Signs checkpoints with the ledger's Ed25519 key; time comes from the injected clock so tests and
 * benchmarks produce reproducible checkpoints.
 */
public final class CheckpointSigner {

    private final KeyPair keys;
    private final String keyId;
    private final Clock clock;

    public CheckpointSigner(KeyPair keys, Clock clock) {
        this.keys = keys;
        this.keyId = Ed25519Keys.keyId(keys.getPublic());
        this.clock = clock;
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, List<PartitionHead> heads) {
        Checkpoint unsigned = new Checkpoint(treeSize, rootHash, heads,
                java.time.Instant.ofEpochMilli(clock.millis()), keyId, new byte[0]);
        byte[] signature = Ed25519Keys.sign(keys.getPrivate(), CheckpointEncoding.encode(unsigned));
        return new Checkpoint(treeSize, rootHash, heads, unsigned.signedAt(), keyId, signature);
    }

    public String keyId() {
        return keyId;
    }

    public java.security.PublicKey publicKey() {
        return keys.getPublic();
    }
}
