package dev.greenlight.ledger.verify;

import java.time.Instant;
import java.util.List;

/**
 * A signed statement "the ledger's Merkle tree had this size and root, and these partition heads,
 * at this time". Once published, the signer cannot rewrite history before it without producing a
 * second, conflicting signed checkpoint.
 *
 * <p>The tree's leaf order is defined by the checkpoints themselves: the entries a checkpoint adds
 * (those after the previous checkpoint's heads, up to its own) are appended in ascending partition,
 * then ascending sequence order. Partitions are written concurrently, so no other global order
 * exists; this one is reproducible by anyone holding the entries and the checkpoints.
 *
 * @param treeSize  number of leaves (entries) covered
 * @param rootHash  RFC 9162 root over those leaves
 * @param heads     one head per ledger partition, ascending by partition
 * @param signedAt  when it was signed (millisecond precision)
 * @param keyId     {@link Ed25519Keys#keyId} of the signing key
 * @param signature Ed25519 signature over {@link CheckpointEncoding#encode}
 */
public record Checkpoint(long treeSize, byte[] rootHash, List<PartitionHead> heads, Instant signedAt, String keyId,
        byte[] signature) {

    public Checkpoint {
        heads = List.copyOf(heads);
    }

    /**
     * Whether this checkpoint names {@code publicKey}'s id and its signature over
     * {@link CheckpointEncoding#encode} verifies with it. The one place verifiers ask, so other
     * signature forms (key history, signed notes) change only here.
     */
    public boolean verifiesWith(java.security.PublicKey publicKey) {
        return Ed25519Keys.keyId(publicKey).equals(keyId)
                && Ed25519Keys.verify(publicKey, CheckpointEncoding.encode(this), signature);
    }
}
