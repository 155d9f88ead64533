package dev.greenlight.ledger.domain;

import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.ledger.verify.TreeOrder;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Checkpoint;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An auditor must get "OK" for an honest ledger and the exact entry and kind of break for each tampering. */
class LedgerVerifierTest {

    private final LedgerFixture ledger = new LedgerFixture(40, 9);
    private final LedgerVerifier verifier = new LedgerVerifier(LedgerFixture.KEYS.getPublic());

    private Failure failureOf(List<List<LedgerItem>> items, List<Checkpoint> checkpoints) {
        VerificationReport report = verifier.verify(items, checkpoints);
        assertThat(report.ok()).as("tampered ledger must not verify").isFalse();
        return report.failure().orElseThrow();
    }

    private static Entry entryAt(List<List<LedgerItem>> items, int partition, int index) {
        return ((LedgerItem.Recorded) items.get(partition).get(index)).entry();
    }

    @Test
    void honestLedgerVerifiesWithCounts() {
        List<Long> progress = new ArrayList<>();
        VerificationReport report = new LedgerVerifier(LedgerFixture.KEYS.getPublic(),
                (done, total) -> progress.add(done)).verify(ledger.items(), ledger.checkpoints);

        assertThat(report.ok()).isTrue();
        assertThat(report.entries()).isEqualTo(40);
        assertThat(report.checkpoints()).isEqualTo(4);
        assertThat(report.treeSize()).isEqualTo(36);
        assertThat(report.uncheckpointed()).isEqualTo(4);
        assertThat(report.partitionSizes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
        assertThat(progress).last().isEqualTo(40L);
    }

    @Test
    void flippedPayloadByteIsNamedAsAlteredPayload() {
        List<List<LedgerItem>> items = ledger.items();
        Entry victim = entryAt(items, 1, 5);
        byte[] payload = victim.payload().clone();
        payload[payload.length - 1] ^= 0x01;
        items.get(1).set(5, new LedgerItem.Recorded(victim.withPayload(payload), "greenlight.ledger-1@5"));

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.PAYLOAD_ALTERED);
        assertThat(failure.location()).isEqualTo("greenlight.ledger-1@5");
        assertThat(failure.sequence()).isEqualTo(5);
    }

    @Test
    void payloadAlteredWithRecomputedShaIsAnEntryHashMismatch() {
        List<List<LedgerItem>> items = ledger.items();
        Entry v = entryAt(items, 2, 3);
        byte[] payload = v.payload().clone();
        payload[6] ^= 0x20;
        Entry forged = new Entry(v.ledgerPartition(), v.sequence(), v.previousHash(), v.entryHash(), v.recordedAt(),
                v.entryId(), v.principal(), v.target(), v.sourceTopic(), v.sourcePartition(), v.sourceOffset(),
                v.sourceEventId(), v.eventType(), v.schemaId(), payload, Sha256.of(payload));
        items.get(2).set(3, new LedgerItem.Recorded(forged, "greenlight.ledger-2@3"));

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.ENTRY_HASH_MISMATCH);
        assertThat(failure.location()).isEqualTo("greenlight.ledger-2@3");
    }

    @Test
    void deletedEntryIsNamedAsMissing() {
        List<List<LedgerItem>> items = ledger.items();
        items.get(0).remove(4);

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
        assertThat(failure.partition()).isZero();
        assertThat(failure.sequence()).isEqualTo(4);
        assertThat(failure.location()).isEqualTo("greenlight.ledger-0@5");
    }

    @Test
    void swappedEntriesAreNamedAsReordered() {
        List<List<LedgerItem>> items = ledger.items();
        Collections.swap(items.get(2), 6, 7);

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.REORDERED);
        assertThat(failure.partition()).isEqualTo(2);
        assertThat(failure.sequence()).isEqualTo(6);
    }

    @Test
    void recordAppendedByAnotherProducerIsNamedAsForeign() {
        List<List<LedgerItem>> items = ledger.items();
        items.get(1).add(3, new LedgerItem.Foreign(1, "greenlight.ledger-1@3", "not Confluent wire format"));

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.FOREIGN_RECORD);
        assertThat(failure.location()).isEqualTo("greenlight.ledger-1@3");
    }

    @Test
    void wellFormedEntryAppendedByAnotherProducerBreaksTheChain() {
        List<List<LedgerItem>> items = ledger.items();
        int tail = items.get(0).size();
        Entry last = entryAt(items, 0, tail - 1);
        // The intruder knows the format but not the head: it guesses sequence and previous hash.
        Entry intruder = new ChainHead(0, last.sequence() + 1, new byte[32])
                .append(LedgerFixture.event(999), Instant.parse("2026-02-01T00:00:00Z"));
        items.get(0).add(new LedgerItem.Recorded(intruder, "greenlight.ledger-0@" + tail));

        Failure failure = failureOf(items, ledger.checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHAIN_BREAK);
        assertThat(failure.location()).isEqualTo("greenlight.ledger-0@" + tail);
    }

    @Test
    void checkpointWithAlteredRootAndOriginalSignatureIsForged() {
        List<Checkpoint> checkpoints = new ArrayList<>(ledger.checkpoints);
        Checkpoint c = checkpoints.get(2);
        byte[] root = c.rootHash().clone();
        root[0] ^= 1;
        checkpoints.set(2, new Checkpoint(c.treeSize(), root, c.heads(), c.signedAt(), c.keyId(), c.signature()));

        Failure failure = failureOf(ledger.items(), checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(failure.location()).startsWith("checkpoint 2 ");
    }

    @Test
    void checkpointSignedWithAnotherKeyIsForged() {
        List<Checkpoint> checkpoints = new ArrayList<>(ledger.checkpoints);
        Checkpoint c = checkpoints.get(0);
        checkpoints.set(0, new CheckpointSigner(Ed25519Keys.generate(), java.time.Clock.systemUTC())
                .sign(c.treeSize(), c.rootHash(), c.heads()));

        assertThat(failureOf(ledger.items(), checkpoints).reason())
                .isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
    }

    @Test
    void correctlySignedCheckpointOverOtherEntriesIsAMismatch() {
        List<Checkpoint> checkpoints = new ArrayList<>(ledger.checkpoints);
        Checkpoint c = checkpoints.get(1);
        checkpoints.set(1, new CheckpointSigner(LedgerFixture.KEYS, java.time.Clock.systemUTC())
                .sign(c.treeSize(), new byte[32], c.heads()));

        Failure failure = failureOf(ledger.items(), checkpoints);

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHECKPOINT_MISMATCH);
        assertThat(failure.location()).startsWith("checkpoint 1 ");
    }

    @Test
    void truncatedLedgerBehindACheckpointIsMissingEntries() {
        List<List<LedgerItem>> items = ledger.items();
        List<LedgerItem> p1 = items.get(1);
        p1.subList(p1.size() - 3, p1.size()).clear();

        assertThat(failureOf(items, ledger.checkpoints).reason()).isEqualTo(Failure.Reason.MISSING_ENTRY);
    }

    @Test
    void restoredWriterStateContinuesTheSameChainAndTree() {
        LedgerState restored = LedgerState.restore(LedgerFixture.PARTITIONS, ledger.entries, ledger.checkpoints);
        Checkpoint next = restored.checkpoint(new CheckpointSigner(LedgerFixture.KEYS, java.time.Clock.systemUTC()));

        List<Checkpoint> checkpoints = new ArrayList<>(ledger.checkpoints);
        checkpoints.add(next);
        VerificationReport report = verifier.verify(ledger.items(), checkpoints);

        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.treeSize()).isEqualTo(40);
        List<byte[]> leaves = TreeOrder.leafHashes(TreeOrder.leaves(ledger.entries, checkpoints));
        assertThat(MerkleTree.root(leaves)).isEqualTo(next.rootHash());
    }
}
