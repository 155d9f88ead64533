package dev.greenlight.ledger.verify;

import java.util.List;
import java.util.Optional;

/**
 * What a witness decides before it cosigns (c2sp.org/tlog-witness, "add-checkpoint"): the new
 * checkpoint must carry a valid signature of the log's key, name the log's origin, and be consistent
 * with the last checkpoint this witness cosigned. A log operator who holds the key can sign any
 * history, but cannot make two different histories consistent: a witness that saw the first refuses
 * the second, which is what makes a rewrite visible.
 */
public final class WitnessCheck {

    private final NoteKey logKey;

    /** {@code logKey}: the log's type 0x01 key, named by the log's origin. */
    public WitnessCheck(NoteKey logKey) {
        this.logKey = logKey;
    }

    /**
     * @param lastCosigned the checkpoint this witness last cosigned (empty for the first one)
     * @param latest       the log's new signed checkpoint
     * @param proof        consistency proof from the last cosigned size to the new one
     */
    public Consistency check(Optional<CheckpointNote> lastCosigned, SignedNote latest, List<byte[]> proof) {
        if (!latest.verifiedBy(logKey)) {
            return Consistency.rewritten("the checkpoint carries no valid signature of the log key " + logKey.verifierKey());
        }
        CheckpointNote next = CheckpointNote.parse(latest.text());
        if (!next.origin().equals(logKey.name())) {
            return Consistency.rewritten("the checkpoint names origin '" + next.origin() + "', not '" + logKey.name() + "'");
        }
        if (lastCosigned.isEmpty()) {
            return Consistency.consistent("first checkpoint this witness sees (tree size " + next.treeSize() + ")");
        }
        CheckpointNote last = lastCosigned.get();
        if (!last.origin().equals(next.origin())) {
            return Consistency.rewritten("the saved checkpoint is of origin '" + last.origin() + "', not '"
                    + next.origin() + "'");
        }
        return Consistency.check(last.treeSize(), last.rootHash(), next.treeSize(), next.rootHash(), proof);
    }
}
