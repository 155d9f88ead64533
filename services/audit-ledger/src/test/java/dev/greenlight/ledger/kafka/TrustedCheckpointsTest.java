package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.domain.LedgerFixture;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.PartitionHead;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forged, unsigned or impossible checkpoint records are not built on by the writer (they made its
 * restore fail forever before) and each is counted by reason; honest ones are all kept.
 */
class TrustedCheckpointsTest {

    private final LedgerFixture ledger = new LedgerFixture(30, 7);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrustedCheckpoints trusted = new TrustedCheckpoints(LedgerFixture.KEYS.getPublic(), meters);

    @Test
    void honestCheckpointsAreAllKept() {
        assertThat(trusted.filter(ledger.checkpoints, ledger.entries)).isEqualTo(ledger.checkpoints);
        assertThat(meters.find(TrustedCheckpoints.IGNORED_METRIC).counters()).isEmpty();
    }

    @Test
    void forgedUnsignedAndImpossibleCheckpointsAreIgnoredAndCounted() {
        Checkpoint last = ledger.checkpoints.get(ledger.checkpoints.size() - 1);
        List<PartitionHead> beyond = last.heads().stream()
                .map(h -> new PartitionHead(h.partition(), h.sequence() + 1000, h.hash())).toList();
        CheckpointSigner ours = new CheckpointSigner(LedgerFixture.KEYS, Clock.systemUTC());
        Checkpoint impossible = ours.sign(last.treeSize() + 3000, last.rootHash(), beyond);
        Checkpoint foreignKey = new CheckpointSigner(Ed25519Keys.generate(), Clock.systemUTC())
                .sign(last.treeSize(), last.rootHash(), last.heads());
        Checkpoint unsigned = new Checkpoint(last.treeSize(), last.rootHash(), last.heads(), Instant.now(),
                last.keyId(), new byte[0]);

        List<Checkpoint> all = new ArrayList<>(ledger.checkpoints);
        all.add(1, impossible);
        all.add(2, foreignKey);
        all.add(unsigned);

        List<Checkpoint> kept = trusted.filter(all, ledger.entries);

        assertThat(kept).isEqualTo(ledger.checkpoints);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "inconsistent").count()).isEqualTo(1);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "bad-signature").count()).isEqualTo(1);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "unsigned").count()).isEqualTo(1);
        // And the writer's state rebuilds from what is kept (the impossible one made this throw).
        LedgerState state = LedgerState.restore(LedgerFixture.PARTITIONS, ledger.entries, kept);
        assertThat(state.treeSize()).isEqualTo(last.treeSize());
    }

    /**
     * The form the writer's streamed restore uses: it sees no entries, so it judges signature, key and
     * shape (heads never move back, the size is the previous one plus what the heads add).
     */
    @Test
    void theStreamingFilterKeepsHonestCheckpointsAndDropsForgedUnsignedAndMisshapenOnes() {
        Checkpoint last = ledger.checkpoints.get(ledger.checkpoints.size() - 1);
        CheckpointSigner ours = new CheckpointSigner(LedgerFixture.KEYS, Clock.systemUTC());
        Checkpoint wrongSize = ours.sign(last.treeSize() + 5, last.rootHash(), last.heads());
        Checkpoint foreignKey = new CheckpointSigner(Ed25519Keys.generate(), Clock.systemUTC())
                .sign(last.treeSize(), last.rootHash(), last.heads());
        Checkpoint unsigned = new Checkpoint(last.treeSize(), last.rootHash(), last.heads(), last.signedAt(),
                last.keyId(), new byte[0]);
        List<Checkpoint> all = new ArrayList<>(ledger.checkpoints);
        all.add(1, foreignKey);
        all.add(2, unsigned);
        all.add(wrongSize);

        List<Checkpoint> kept = new ArrayList<>();
        ItemCursor<Checkpoint> cursor = trusted.filter(new ItemCursor<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < all.size();
            }

            @Override
            public Checkpoint next() {
                return all.get(next++);
            }
        }, LedgerFixture.PARTITIONS);
        while (cursor.hasNext()) {
            kept.add(cursor.next());
        }

        assertThat(kept).isEqualTo(ledger.checkpoints);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "inconsistent").count()).isEqualTo(1);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "bad-signature").count()).isEqualTo(1);
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "unsigned").count()).isEqualTo(1);
    }
}
