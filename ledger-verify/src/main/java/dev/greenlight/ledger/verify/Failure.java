package dev.greenlight.ledger.verify;

/**
 * The first thing wrong with a ledger.
 *
 * @param reason    what kind of break
 * @param partition ledger partition it was found in (-1 for a checkpoint)
 * @param sequence  sequence the verifier expected at that point (or the checkpoint's index)
 * @param location  where: topic-partition@offset, line number, or checkpoint number
 * @param detail    a sentence for the auditor
 */
public record Failure(Reason reason, int partition, long sequence, String location, String detail) {

    /** Kinds of break, each named in the report so an auditor knows what to look for. */
    public enum Reason {
        /** A record in a ledger partition is not a ledger entry (e.g. appended by another producer). */
        FOREIGN_RECORD,
        /** The payload bytes do not match payloadSha256 (or their schema id header). */
        PAYLOAD_ALTERED,
        /** The entry's fields do not hash to its entryHash. */
        ENTRY_HASH_MISMATCH,
        /** A sequence number is missing and does not appear later: an entry was deleted. */
        MISSING_ENTRY,
        /** A sequence number is missing here but appears later: entries were reordered. */
        REORDERED,
        /** previousHash does not match the previous entry, a sequence repeats, or an entry sits in the wrong partition. */
        CHAIN_BREAK,
        /** A correctly signed checkpoint disagrees with the entries (tree size, root or partition heads). */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the ledger's public key: forged or altered. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** In an extract (one release), an entry's inclusion proof does not lead to the signed checkpoint root. */
        INCLUSION_PROOF_INVALID,
        /** An export holds no checkpoint at all: nothing in it is signed, so nothing can be proven. */
        NO_CHECKPOINT,
        /**
         * In an extract (an export whose entries carry inclusion proofs), an entry carries none: it is
         * neither on a chain walked from genesis nor proven to be in a signed tree.
         */
        MISSING_PROOF,
        /** An inclusion proof names a tree size for which the export holds no checkpoint. */
        PROOF_CHECKPOINT_ABSENT,
        /** An extract holds the same leaf twice (an inserted copy of a proven entry). */
        DUPLICATE_ENTRY,
        /** A record on a source topic, older than the writer's committed position, has no entry: a gap. */
        SOURCE_OFFSET_UNRECORDED
    }

    @Override
    public String toString() {
        return reason + " at " + location + " (partition " + partition + ", sequence " + sequence + "): " + detail;
    }
}
