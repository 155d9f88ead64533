package dev.greenlight.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.PartitionHead;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A restarted writer resumes from its last checkpoint instead of re-reading the ledger: given only the
 * records after that checkpoint's heads (the earlier ones are not even offered), it must reach exactly
 * the state a restore from the beginning reaches — same heads, same tree, same pending entries, so the
 * next entry chains to the last one and the next checkpoint is byte for byte the same.
 */
class ResumeFromCheckpointTest {

    private final CheckpointSigner signer = new CheckpointSigner(LedgerFixture.KEYS,
            Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void resumingFromACheckpointReadsOnlyWhatFollowsItAndEndsInTheSameState() {
        LedgerFixture ledger = new LedgerFixture(40, 9); // checkpoints after 9, 18, 27 and 36 entries
        List<List<LedgerItem>> items = ledger.items();
        LedgerState full = LedgerState.restore(items.stream().map(ItemCursor::of).toList(),
                ItemCursor.of(ledger.checkpoints), skipped -> { });

        Checkpoint third = ledger.checkpoints.get(2);
        ResumePoint point = pointAt(ledger, third);
        List<ItemCursor<LedgerItem>> after = new ArrayList<>();
        for (PartitionHead head : third.heads()) {
            List<LedgerItem> partition = items.get(head.partition());
            after.add(ItemCursor.of(partition.subList((int) head.sequence() + 1, partition.size())));
        }
        List<String> problems = new ArrayList<>();
        LedgerState resumed = LedgerState.resume(point, after, ItemCursor.of(ledger.checkpoints.subList(3, 4)),
                problems::add, checkpoint -> problems.add("inconsistent " + checkpoint.treeSize()));

        assertThat(problems).isEmpty();
        assertThat(resumed.recordsRead()).as("only the entries after the checkpoint of 27").isEqualTo(13);
        assertThat(full.recordsRead()).isEqualTo(40);
        assertThat(resumed.nextSequences()).isEqualTo(full.nextSequences());
        assertThat(resumed.treeSize()).isEqualTo(full.treeSize()).isEqualTo(36);
        assertThat(resumed.pendingCount()).isEqualTo(full.pendingCount()).isEqualTo(4);

        Entry next = resumed.append(1, LedgerFixture.event(40), Instant.parse("2026-03-01T00:00:00Z"));
        Entry expected = full.append(1, LedgerFixture.event(40), Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(next.previousHash()).as("chained to the last entry before the restart")
                .isEqualTo(ledger.entries.get(1).get(ledger.entries.get(1).size() - 1).entryHash());
        assertThat(next.entryHash()).isEqualTo(expected.entryHash());
        Checkpoint nextCheckpoint = resumed.checkpoint(signer);
        assertThat(nextCheckpoint.treeSize()).isEqualTo(41);
        assertThat(nextCheckpoint.rootHash()).isEqualTo(full.checkpoint(signer).rootHash());
    }

    @Test
    void aResumePointMatchesOnlyTheCheckpointItWasTakenAt() {
        LedgerFixture ledger = new LedgerFixture(40, 9);
        ResumePoint point = pointAt(ledger, ledger.checkpoints.get(2));

        assertThat(point.matches(ledger.checkpoints.get(2))).isTrue();
        assertThat(point.matches(ledger.checkpoints.get(1))).isFalse();
        assertThat(point.matches(ledger.checkpoints.get(3))).isFalse();
        List<byte[]> forgedPeaks = new ArrayList<>(point.peaks());
        forgedPeaks.set(0, new byte[32]);
        assertThat(new ResumePoint(point.checkpointOffset(), point.treeSize(), forgedPeaks, point.heads(),
                point.headOffsets()).matches(ledger.checkpoints.get(2))).as("a tree that is not the signed one").isFalse();
    }

    /** The resume point the writer commits with {@code checkpoint}: its tree's peaks from a restore up to it. */
    private static ResumePoint pointAt(LedgerFixture ledger, Checkpoint checkpoint) {
        List<ItemCursor<LedgerItem>> upTo = new ArrayList<>();
        long[] offsets = new long[LedgerFixture.PARTITIONS];
        for (PartitionHead head : checkpoint.heads()) {
            upTo.add(ItemCursor.of(ledger.items().get(head.partition()).subList(0, (int) head.sequence() + 1)));
            offsets[head.partition()] = head.sequence(); // the fixture's offset of an entry is its sequence
        }
        LedgerState atCheckpoint = LedgerState.restore(upTo,
                ItemCursor.of(ledger.checkpoints.subList(0, ledger.checkpoints.indexOf(checkpoint) + 1)), skipped -> { });
        assertThat(atCheckpoint.pendingCount()).isZero();
        return new ResumePoint(ledger.checkpoints.indexOf(checkpoint), checkpoint.treeSize(), atCheckpoint.treePeaks(),
                checkpoint.heads(), offsets);
    }
}
