package dev.greenlight.ledger.evidence.domain;

import java.time.Instant;
import java.util.Map;

/**
 * The signed checkpoint a bundle was built against: its cited entries that it covers can be proven
 * included in exactly this tree, so the report is checkable years later with the ledger's public key.
 * All fields are null and {@code treeSize} 0 when no checkpoint has been written yet.
 *
 * @param treeSize         entries covered by the checkpoint
 * @param rootHash         its Merkle root, lower-case hex
 * @param signedAt         when it was signed
 * @param keyId            id of the signing key
 * @param partitionHeads   per ledger partition, the last sequence the checkpoint covers
 * @param ledgerEntries    entries on the ledger when the bundle was built (checkpointed or not)
 */
public record LedgerBasis(long treeSize, String rootHash, Instant signedAt, String keyId,
        Map<Integer, Long> partitionHeads, long ledgerEntries) {

    public LedgerBasis {
        partitionHeads = Map.copyOf(partitionHeads);
    }

    /** Whether the entry at {@code partition/sequence} is under this checkpoint. */
    public boolean covers(int partition, long sequence) {
        return sequence <= partitionHeads.getOrDefault(partition, -1L);
    }
}
