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
 * @param tree            the tree heads (and, for a whole ledger, leaf hashes) verified before stopping
 */
public record VerificationReport(long entries, long checkpoints, long treeSize, long uncheckpointed,
        Map<Integer, Long> partitionSizes, Optional<Failure> failure, VerifiedTree tree) {

    public VerificationReport(long entries, long checkpoints, long treeSize, long uncheckpointed,
            Map<Integer, Long> partitionSizes, Optional<Failure> failure) {
        this(entries, checkpoints, treeSize, uncheckpointed, partitionSizes, failure, VerifiedTree.empty());
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
