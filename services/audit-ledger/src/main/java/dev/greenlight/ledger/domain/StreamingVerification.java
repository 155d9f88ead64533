package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CompactRange;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.VerificationReport;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The online verify over cursors instead of lists: the same walk and the same rules as
 * {@link LedgerVerifier} (docs/ledger.md §5: payload hash and schema id, entry hash, sequence, chain
 * link, checkpoint signature, heads, tree size and root, in tree order, stopping at the first break),
 * but each record is read once and dropped, so the state is O(partitions + log n): per partition the
 * expected sequence and last hash, and the Merkle tree as a {@link CompactRange}. The ledger topic is
 * read partition by partition as the checkpoints ask for it, never loaded.
 *
 * <p>Kept separate from {@code LedgerVerifier} (which takes lists, for offline and tests) so the pure
 * module needs no cursor type; a streaming entry point there could replace this adapter.
 */
public final class StreamingVerification {

    private final LedgerKeyRing keys;
    private final List<? extends ItemCursor<LedgerItem>> partitions;
    private final long[] expected;
    private final byte[][] lastHash;
    private final CompactRange tree = new CompactRange();
    private long entries;
    private long verifiedCheckpoints;
    private long treeSizeAtCheckpoint;

    private StreamingVerification(LedgerKeyRing keys, List<? extends ItemCursor<LedgerItem>> partitions) {
        this.keys = keys;
        this.partitions = partitions;
        this.expected = new long[partitions.size()];
        this.lastHash = new byte[partitions.size()][];
        for (int p = 0; p < partitions.size(); p++) {
            lastHash[p] = new byte[Sha256.LENGTH];
        }
    }

    /**
     * @param partitions  a cursor over each ledger partition's records in storage order (index = partition)
     * @param checkpoints the checkpoints in publication order
     */
    /** One key, valid at all times. */
    public static VerificationReport verify(java.security.PublicKey publicKey,
            List<? extends ItemCursor<LedgerItem>> partitions, ItemCursor<Checkpoint> checkpoints) {
        return verify(LedgerKeyRing.of(publicKey), partitions, checkpoints);
    }

    public static VerificationReport verify(LedgerKeyRing keys, List<? extends ItemCursor<LedgerItem>> partitions,
            ItemCursor<Checkpoint> checkpoints) {
        return new StreamingVerification(keys, partitions).run(checkpoints);
    }

    private VerificationReport run(ItemCursor<Checkpoint> checkpoints) {
        for (long k = 0; checkpoints.hasNext(); k++) {
            Failure failure = checkpoint(k, checkpoints.next());
            if (failure != null) {
                return report(failure);
            }
        }
        for (int p = 0; p < partitions.size(); p++) {
            while (partitions.get(p).hasNext()) {
                Failure failure = next(p, false);
                if (failure != null) {
                    return report(failure);
                }
            }
        }
        return report(null);
    }

    private Failure checkpoint(long k, Checkpoint checkpoint) {
        String where = "checkpoint " + k + " (tree size " + checkpoint.treeSize() + ")";
        java.util.Optional<String> refusal = keys.refusal(checkpoint);
        if (refusal.isPresent()) {
            return new Failure(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID, -1, k, where,
                    "checkpoint " + k + ": " + refusal.get());
        }
        for (PartitionHead head : checkpoint.heads()) {
            int p = head.partition();
            if (p < 0 || p >= partitions.size()) {
                return new Failure(Failure.Reason.CHECKPOINT_MISMATCH, p, head.sequence(), where,
                        "checkpoint names ledger partition " + p + " which does not exist");
            }
            while (expected[p] <= head.sequence()) {
                if (!partitions.get(p).hasNext()) {
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

    private Failure next(int p, boolean inTree) {
        LedgerItem item = partitions.get(p).next();
        if (item instanceof LedgerItem.Foreign foreign) {
            return new Failure(Failure.Reason.FOREIGN_RECORD, p, expected[p], foreign.location(),
                    "not a ledger entry: " + foreign.why());
        }
        Entry entry = ((LedgerItem.Recorded) item).entry();
        Failure failure = check(p, entry, item.location());
        if (failure != null) {
            return failure;
        }
        expected[p]++;
        lastHash[p] = entry.entryHash();
        if (inTree) {
            tree.appendLeafHash(MerkleTree.leafHash(entry.entryHash()));
        }
        entries++;
        return null;
    }

    private Failure check(int p, Entry entry, String location) {
        long want = expected[p];
        if (entry.ledgerPartition() != p) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "entry of ledger partition " + entry.ledgerPartition() + " stored in partition " + p);
        }
        if (!Arrays.equals(Sha256.of(entry.payload()), entry.payloadSha256()) || !schemaIdMatches(entry)) {
            return new Failure(Failure.Reason.PAYLOAD_ALTERED, p, entry.sequence(), location,
                    "payload of entry " + entry.position() + " does not match its payloadSha256 / schema id");
        }
        if (!Arrays.equals(EntryEncoding.hash(entry), entry.entryHash())) {
            return new Failure(Failure.Reason.ENTRY_HASH_MISMATCH, p, entry.sequence(), location,
                    "fields of entry " + entry.position() + " do not hash to its entryHash");
        }
        if (entry.sequence() > want) {
            // Reads on (the walk stops here anyway) to tell a deletion from a reordering.
            boolean later = false;
            while (!later && partitions.get(p).hasNext()) {
                later = partitions.get(p).next() instanceof LedgerItem.Recorded r && r.entry().sequence() == want;
            }
            return new Failure(later ? Failure.Reason.REORDERED : Failure.Reason.MISSING_ENTRY, p, want, location,
                    later ? "expected sequence " + want + " but found " + entry.sequence() + "; sequence " + want
                            + " appears later"
                            : "sequence " + want + " is missing (next entry is " + entry.sequence() + ")");
        }
        if (entry.sequence() < want) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "sequence " + entry.sequence() + " repeats (expected " + want + ")");
        }
        if (!Arrays.equals(entry.previousHash(), lastHash[p])) {
            return new Failure(Failure.Reason.CHAIN_BREAK, p, want, location,
                    "previousHash of entry " + entry.position() + " is not the hash of entry " + p + "/" + (want - 1));
        }
        return null;
    }

    private VerificationReport report(Failure failure) {
        TreeMap<Integer, Long> sizes = new TreeMap<>();
        for (int p = 0; p < partitions.size(); p++) {
            sizes.put(p, expected[p]);
        }
        return new VerificationReport(entries, verifiedCheckpoints, treeSizeAtCheckpoint, entries - tree.size(), sizes,
                Optional.ofNullable(failure));
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
