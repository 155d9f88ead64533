package dev.greenlight.ledger.verify;

import java.util.Map;
import java.util.Optional;

/**
 * Outcome of verifying a ledger.
 *
 * @param entries         entries verified before stopping (all of them when OK)
 * @param checkpoints     checkpoints whose signature and root verified
 * @param treeSize        Merkle tree size at the last verified checkpoint
 * @param uncheckpointed  entries after the last checkpoint (chain-verified, not yet signed)
 * @param partitionSizes  entries per ledger partition
 * @param failure         the first break, empty when the ledger verifies
 */
public record VerificationReport(long entries, long checkpoints, long treeSize, long uncheckpointed,
        Map<Integer, Long> partitionSizes, Optional<Failure> failure) {

    public boolean ok() {
        return failure.isEmpty();
    }
}
