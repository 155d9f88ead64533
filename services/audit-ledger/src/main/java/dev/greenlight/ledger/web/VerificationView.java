package dev.greenlight.ledger.web;

import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.VerificationReport;
import java.util.Map;

/**
 * The verify answer: {@code ok}, the counts, and when broken the first failure.
 *
 * @param ok             whether the whole ledger verified
 * @param entries        entries verified (before the failure, if any)
 * @param checkpoints    checkpoints verified
 * @param treeSize       Merkle tree size at the last verified checkpoint
 * @param uncheckpointed entries after the last checkpoint
 * @param partitions     entries per ledger partition
 * @param failure        the first break, or null
 */
record VerificationView(boolean ok, long entries, long checkpoints, long treeSize, long uncheckpointed,
        Map<Integer, Long> partitions, Failure failure) {

    static VerificationView of(VerificationReport report) {
        return new VerificationView(report.ok(), report.entries(), report.checkpoints(), report.treeSize(),
                report.uncheckpointed(), report.partitionSizes(), report.failure().orElse(null));
    }

    /** The same counts, broken by {@code gap} (e.g. a source record the ledger has no entry for). */
    VerificationView withFailure(Failure gap) {
        return new VerificationView(false, entries, checkpoints, treeSize, uncheckpointed, partitions, gap);
    }
}
