package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies an extract of the ledger (e.g. the entries of one release): the entries are not
 * contiguous, so the chain cannot be walked; instead every entry must hash correctly and carry an
 * inclusion proof into the tree of a checkpoint in the extract whose signature verifies. An entry
 * without a proof is unjustified (nothing signed vouches for it) and breaks the extract, as does an
 * extract without any checkpoint (docs/ledger.md §5, "Extract verification").
 */
public final class ExtractVerifier {

    /** One entry of the extract with its proof against one of the extract's checkpoints, if it carries one. */
    public record ProvenEntry(Entry entry, String location, Optional<InclusionProof> proof) {
    }

    private final LedgerKeyRing keys;

    public ExtractVerifier(LedgerKeyRing keys) {
        this.keys = keys;
    }

    /** One key, valid at all times. */
    public ExtractVerifier(PublicKey publicKey) {
        this(LedgerKeyRing.of(publicKey));
    }

    /** An extract with at most one checkpoint. */
    public VerificationReport verify(List<ProvenEntry> entries, Optional<Checkpoint> checkpoint) {
        return verify(entries, checkpoint.map(List::of).orElse(List.of()), null);
    }

    /**
     * @param checkpoints         the extract's checkpoints, each proof names one of them by its tree size
     * @param checkpointLocations where each checkpoint was read; null for {@code checkpoint k}
     */
    public VerificationReport verify(List<ProvenEntry> entries, List<Checkpoint> checkpoints,
            List<String> checkpointLocations) {
        if (checkpoints.isEmpty()) {
            return report(0, List.of(), entries, new Failure(Failure.Reason.NO_CHECKPOINT, -1, 0, "the extract",
                    "the extract holds no checkpoint, so none of its entries is proven to be in a signed tree"));
        }
        Map<Long, Checkpoint> bySize = new HashMap<>();
        List<TreeHead> heads = new ArrayList<>();
        for (int k = 0; k < checkpoints.size(); k++) {
            Checkpoint c = checkpoints.get(k);
            String where = checkpointLocations == null ? "checkpoint " + k + " (tree size " + c.treeSize() + ")"
                    : checkpointLocations.get(k);
            Optional<String> refusal = keys.refusal(c);
            if (refusal.isPresent()) {
                return report(0, heads, entries, new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, k, where,
                        "checkpoint " + k + " (tree size " + c.treeSize() + "): " + refusal.get()));
            }
            Checkpoint same = bySize.putIfAbsent(c.treeSize(), c);
            if (same != null && !Arrays.equals(same.rootHash(), c.rootHash())) {
                return report(0, heads, entries, new Failure(Failure.Reason.CHECKPOINT_MISMATCH, -1, k, where,
                        "two signed checkpoints of tree size " + c.treeSize() + " have different roots"));
            }
            heads.add(new TreeHead(c.treeSize(), c.rootHash()));
        }
        Set<String> seen = new HashSet<>();
        long verified = 0;
        for (ProvenEntry proven : entries) {
            Failure failure = check(proven, bySize, seen);
            if (failure != null) {
                return report(verified, heads, entries, failure);
            }
            verified++;
        }
        return report(verified, heads, entries, null);
    }

    private static Failure check(ProvenEntry proven, Map<Long, Checkpoint> bySize, Set<String> seen) {
        Entry entry = proven.entry();
        int p = entry.ledgerPartition();
        long s = entry.sequence();
        String location = proven.location();
        if (!MessageDigest.isEqual(Sha256.of(entry.payload()), entry.payloadSha256())
                || !EntryHasher.schemaIdMatches(entry)) {
            return new Failure(Failure.Reason.PAYLOAD_ALTERED, p, s, location,
                    "payload of entry " + entry.position() + " does not match its payloadSha256 / schema id");
        }
        if (!MessageDigest.isEqual(EntryEncoding.hash(entry), entry.entryHash())) {
            return new Failure(Failure.Reason.ENTRY_HASH_MISMATCH, p, s, location,
                    "fields of entry " + entry.position() + " do not hash to its entryHash");
        }
        if (proven.proof().isEmpty()) {
            return new Failure(Failure.Reason.MISSING_PROOF, p, s, location,
                    "entry " + entry.position() + " carries no inclusion proof, and an extract's entries are not "
                            + "a chain from genesis");
        }
        InclusionProof proof = proven.proof().get();
        Checkpoint checkpoint = bySize.get(proof.treeSize());
        if (checkpoint == null) {
            return new Failure(Failure.Reason.PROOF_CHECKPOINT_ABSENT, p, s, location,
                    "the proof of entry " + entry.position() + " leads to a tree of size " + proof.treeSize()
                            + " but the extract holds no checkpoint of that size");
        }
        if (!MerkleProofs.verifyInclusion(proof.leafIndex(), proof.treeSize(), MerkleTree.leafHash(entry.entryHash()),
                proof.path(), checkpoint.rootHash())) {
            return new Failure(Failure.Reason.INCLUSION_PROOF_INVALID, p, s, location,
                    "entry " + entry.position() + " is not leaf " + proof.leafIndex() + " of the signed tree of size "
                            + proof.treeSize());
        }
        if (!seen.add(proof.treeSize() + "#" + proof.leafIndex()) | !seen.add(entry.position())) {
            return new Failure(Failure.Reason.DUPLICATE_ENTRY, p, s, location,
                    "entry " + entry.position() + " (leaf " + proof.leafIndex() + ") appears twice in the extract");
        }
        return null;
    }

    private static VerificationReport report(long verified, List<TreeHead> heads, List<ProvenEntry> entries,
            Failure failure) {
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        entries.stream().limit(verified).forEach(e -> sizes.merge(e.entry().ledgerPartition(), 1L, Long::sum));
        long treeSize = heads.stream().mapToLong(TreeHead::treeSize).max().orElse(0);
        return new VerificationReport(verified, heads.size(), treeSize, 0, sizes, Optional.ofNullable(failure),
                new VerifiedTree(heads, new byte[0], 0));
    }
}
