package dev.greenlight.ledger.verify;

import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies a whole ledger (docs/ledger.md, "Verification algorithm"): every payload against its
 * SHA-256, every entry hash, every chain link and sequence number, and every checkpoint's signature,
 * partition heads, tree size and Merkle root. Stops at the first break and names it, because
 * everything after a break is unverifiable anyway.
 *
 * <p>Walks in tree order (checkpoint by checkpoint), so the Merkle root is built incrementally and
 * memory stays O(log n) beyond the input.
 */
public final class LedgerVerifier {

    /** Called every {@link #PROGRESS_EVERY} entries and at the end. */
    @FunctionalInterface
    public interface Progress {
        void verified(long entries, long total);
    }

    static final int PROGRESS_EVERY = 1 << 16;

    private final LedgerKeyRing keys;
    private final Progress progress;

    /** Checkpoints verify with the key of the ring they name, signed inside its validity. */
    public LedgerVerifier(LedgerKeyRing keys, Progress progress) {
        this.keys = keys;
        this.progress = progress;
    }

    public LedgerVerifier(LedgerKeyRing keys) {
        this(keys, (done, total) -> { });
    }

    public LedgerVerifier(PublicKey publicKey, Progress progress) {
        this(LedgerKeyRing.of(publicKey), progress);
    }

    public LedgerVerifier(PublicKey publicKey) {
        this(publicKey, (done, total) -> { });
    }

    /**
     * @param partitions  the records of each ledger partition (index = partition) in storage order
     * @param checkpoints checkpoints in publication order
     */
    public VerificationReport verify(List<List<LedgerItem>> partitions, List<Checkpoint> checkpoints) {
        return new Walk(partitions).run(checkpoints);
    }

    private final class Walk {
        private final List<List<LedgerItem>> partitions;
        private final int[] index;
        private final long[] expected;
        private final byte[][] lastHash;
        private final CompactRange tree = new CompactRange();
        private final long total;
        private long entries;
        private long verifiedCheckpoints;
        private long treeSizeAtCheckpoint;

        Walk(List<List<LedgerItem>> partitions) {
            this.partitions = partitions;
            this.index = new int[partitions.size()];
            this.expected = new long[partitions.size()];
            this.lastHash = new byte[partitions.size()][];
            for (int p = 0; p < partitions.size(); p++) {
                lastHash[p] = new byte[Sha256.LENGTH];
            }
            this.total = partitions.stream().mapToLong(List::size).sum();
        }

        VerificationReport run(List<Checkpoint> checkpoints) {
            for (int k = 0; k < checkpoints.size(); k++) {
                Failure failure = checkpoint(k, checkpoints.get(k));
                if (failure != null) {
                    return report(failure);
                }
            }
            for (int p = 0; p < partitions.size(); p++) {
                while (index[p] < partitions.get(p).size()) {
                    Failure failure = next(p, false);
                    if (failure != null) {
                        return report(failure);
                    }
                }
            }
            return report(null);
        }

        private Failure checkpoint(int k, Checkpoint checkpoint) {
            String where = "checkpoint " + k + " (tree size " + checkpoint.treeSize() + ")";
            Optional<String> refusal = keys.refusal(checkpoint);
            if (refusal.isPresent()) {
                return new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, k, where, refusal.get());
            }
            for (PartitionHead head : checkpoint.heads()) {
                int p = head.partition();
                if (p < 0 || p >= partitions.size()) {
                    return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                            "checkpoint names ledger partition " + p + " which does not exist");
                }
                while (expected[p] <= head.sequence()) {
                    if (index[p] >= partitions.get(p).size()) {
                        return new Failure(Failure.Reason.MISSING_ENTRY, p, expected[p], where,
                                "checkpoint covers partition " + p + " up to sequence " + head.sequence()
                                        + " but the ledger ends before sequence " + expected[p]);
                    }
                    Failure failure = next(p, true);
                    if (failure != null) {
                        return failure;
                    }
                }
                if (expected[p] - 1 != head.sequence() || !Arrays.equals(lastHash[p], head.hash())) {
                    return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                            "partition " + p + " head differs from the checkpoint's");
                }
            }
            if (tree.size() != checkpoint.treeSize() || !Arrays.equals(tree.root(), checkpoint.rootHash())) {
                return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, -1, k, where,
                        "entries give tree size " + tree.size() + " root " + Sha256.hex(tree.root())
                                + ", checkpoint says size " + checkpoint.treeSize() + " root "
                                + Sha256.hex(checkpoint.rootHash()));
            }
            verifiedCheckpoints++;
            treeSizeAtCheckpoint = tree.size();
            return null;
        }

        /** Verifies the next record of partition p and advances; {@code inTree} adds it as a Merkle leaf. */
        private Failure next(int p, boolean inTree) {
            List<LedgerItem> items = partitions.get(p);
            LedgerItem item = items.get(index[p]);
            if (item instanceof LedgerItem.Foreign foreign) {
                return new Failure(Failure.Reason.FOREIGN_RECORD, p, expected[p], foreign.location(),
                        "not a ledger entry: " + foreign.why());
            }
            Entry entry = ((LedgerItem.Recorded) item).entry();
            Failure failure = check(p, entry, item.location(), items);
            if (failure != null) {
                return failure;
            }
            index[p]++;
            expected[p]++;
            lastHash[p] = entry.entryHash();
            if (inTree) {
                tree.appendLeafHash(MerkleTree.leafHash(entry.entryHash()));
            }
            if (++entries % PROGRESS_EVERY == 0) {
                progress.verified(entries, total);
            }
            return null;
        }

        private Failure check(int p, Entry entry, String location, List<LedgerItem> items) {
            long want = expected[p];
            if (entry.ledgerPartition() != p) {
                return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                        "entry of ledger partition " + entry.ledgerPartition() + " stored in partition " + p);
            }
            MessageDigest digest = Sha256.digest();
            if (!Arrays.equals(digest.digest(entry.payload()), entry.payloadSha256())
                    || !schemaIdMatches(entry)) {
                return new Failure(Failure.Reason.PAYLOAD_ALTERED, p, entry.sequence(), location,
                        "payload of entry " + entry.position() + " does not match its payloadSha256 / schema id");
            }
            if (!Arrays.equals(EntryEncoding.hash(entry), entry.entryHash())) {
                return new Failure(Failure.Reason.ENTRY_HASH_MISMATCH, p, entry.sequence(), location,
                        "fields of entry " + entry.position() + " do not hash to its entryHash");
            }
            if (entry.sequence() > want) {
                boolean later = items.subList(index[p] + 1, items.size()).stream()
                        .anyMatch(i -> i instanceof LedgerItem.Recorded r && r.entry().sequence() == want);
                return new Failure(later ? Failure.Reason.REORDERED : Failure.Reason.MISSING_ENTRY, p, want,
                        location, later
                                ? "expected sequence " + want + " but found " + entry.sequence()
                                        + "; sequence " + want + " appears later"
                                : "sequence " + want + " is missing (next entry is " + entry.sequence() + ")");
            }
            if (entry.sequence() < want) {
                return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                        "sequence " + entry.sequence() + " repeats (expected " + want + ")");
            }
            if (!Arrays.equals(entry.previousHash(), lastHash[p])) {
                return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                        "previousHash of entry " + entry.position() + " is not the hash of entry " + p + "/"
                                + (want - 1));
            }
            return null;
        }

        private VerificationReport report(Failure failure) {
            progress.verified(entries, total);
            TreeMap<Integer, Long> sizes = new TreeMap<>();
            for (int p = 0; p < partitions.size(); p++) {
                sizes.put(p, expected[p]);
            }
            return new VerificationReport(entries, verifiedCheckpoints, treeSizeAtCheckpoint,
                    entries - tree.size(), sizes, Optional.ofNullable(failure));
        }
    }

    private static boolean schemaIdMatches(Entry entry) {
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
}
