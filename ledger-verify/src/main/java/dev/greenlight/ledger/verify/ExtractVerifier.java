package dev.greenlight.ledger.verify;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies an extract of the ledger (e.g. the entries of one release): the entries are not
 * contiguous, so the chain cannot be walked; instead every entry must hash correctly and carry an
 * inclusion proof into the tree of a checkpoint whose signature verifies. Entries after that
 * checkpoint carry no proof yet and are counted as uncheckpointed.
 */
public final class ExtractVerifier {

    /** One entry of the extract with its proof against the extract's checkpoint, if it is covered. */
    public record ProvenEntry(Entry entry, String location, Optional<InclusionProof> proof) {
    }

    private final LedgerKeyRing keys;

    public ExtractVerifier(LedgerKeyRing keys) {
        this.keys = keys;
    }

    public ExtractVerifier(PublicKey publicKey) {
        this(LedgerKeyRing.of(publicKey));
    }

    /** @param checkpoint the checkpoint the proofs lead to; empty when nothing was checkpointed yet */
    public VerificationReport verify(List<ProvenEntry> entries, Optional<Checkpoint> checkpoint) {
        if (checkpoint.isPresent()) {
            Checkpoint c = checkpoint.get();
            Optional<String> refusal = keys.refusal(c);
            if (refusal.isPresent()) {
                return report(0, 0, 0, entries, new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, 0,
                        "checkpoint (tree size " + c.treeSize() + ")", refusal.get()));
            }
        }
        long verified = 0;
        long uncheckpointed = 0;
        for (ProvenEntry proven : entries) {
            Entry entry = proven.entry();
            if (!Arrays.equals(Sha256.of(entry.payload()), entry.payloadSha256())) {
                return report(verified, uncheckpointed, checkpoint, entries, new Failure(Failure.Reason.PAYLOAD_ALTERED,
                        entry.ledgerPartition(), entry.sequence(), proven.location(),
                        "payload of entry " + entry.position() + " does not match its payloadSha256"));
            }
            if (!Arrays.equals(EntryEncoding.hash(entry), entry.entryHash())) {
                return report(verified, uncheckpointed, checkpoint, entries, new Failure(
                        Failure.Reason.ENTRY_HASH_MISMATCH, entry.ledgerPartition(), entry.sequence(),
                        proven.location(), "fields of entry " + entry.position() + " do not hash to its entryHash"));
            }
            if (proven.proof().isPresent()) {
                InclusionProof proof = proven.proof().get();
                boolean valid = checkpoint.isPresent() && proof.treeSize() == checkpoint.get().treeSize()
                        && MerkleProofs.verifyInclusion(proof.leafIndex(), proof.treeSize(),
                                MerkleTree.leafHash(entry.entryHash()), proof.path(), checkpoint.get().rootHash());
                if (!valid) {
                    return report(verified, uncheckpointed, checkpoint, entries, new Failure(
                            Failure.Reason.INCLUSION_PROOF_INVALID, entry.ledgerPartition(), entry.sequence(),
                            proven.location(), "entry " + entry.position() + " is not in the signed tree"));
                }
            } else {
                uncheckpointed++;
            }
            verified++;
        }
        return report(verified, uncheckpointed, checkpoint, entries, null);
    }

    private static VerificationReport report(long verified, long uncheckpointed, Optional<Checkpoint> checkpoint,
            List<ProvenEntry> entries, Failure failure) {
        return report(verified, uncheckpointed, checkpoint.map(Checkpoint::treeSize).orElse(0L), entries, failure);
    }

    private static VerificationReport report(long verified, long uncheckpointed, long treeSize,
            List<ProvenEntry> entries, Failure failure) {
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        entries.stream().limit(verified).forEach(e -> sizes.merge(e.entry().ledgerPartition(), 1L, Long::sum));
        return new VerificationReport(verified, treeSize > 0 && failure == null ? 1 : 0, treeSize, uncheckpointed,
                sizes, Optional.ofNullable(failure));
    }
}
