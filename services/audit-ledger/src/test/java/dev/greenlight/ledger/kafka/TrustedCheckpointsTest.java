package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.domain.LedgerFixture;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.PartitionHead;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The writer's restore (as {@link LedgerWriter} runs it: {@link TrustedCheckpoints#filter} for the
 * signature, {@link LedgerState#restore} walking the chain for the rest) does not build on a forged,
 * unsigned or impossible checkpoint record — they made its restore fail forever before — and counts
 * each by reason. Each attack is a checkpoint covering the two entries after the last honest
 * checkpoint, so building on it would move the restored tree from 28 to 30 leaves: removing the check
 * that refuses it fails its test.
 */
class TrustedCheckpointsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

    private final LedgerFixture ledger = new LedgerFixture(30, 7);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TrustedCheckpoints trusted = new TrustedCheckpoints(LedgerFixture.KEYS.getPublic(), meters);
    private final CheckpointSigner ours = new CheckpointSigner(LedgerFixture.KEYS, CLOCK);

    @Test
    void honestCheckpointsAreAllBuiltOn() {
        LedgerState state = restore(ledger.checkpoints);

        assertThat(state.treeSize()).isEqualTo(28);
        assertThat(state.pendingCount()).isEqualTo(2);
        assertThat(meters.find(TrustedCheckpoints.IGNORED_METRIC).counters()).isEmpty();
        assertThat(state.checkpoint(ours).rootHash()).isEqualTo(honestNextRoot());
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsIgnored() {
        Checkpoint forged = new CheckpointSigner(Ed25519Keys.generate(), CLOCK).sign(30, new byte[32], tips(h -> h));

        assertIgnored(forged, "bad-signature");
    }

    @Test
    void anUnsignedCheckpointIsIgnored() {
        Checkpoint signed = ours.sign(30, new byte[32], tips(h -> h));
        Checkpoint unsigned = new Checkpoint(signed.treeSize(), signed.rootHash(), signed.heads(), signed.signedAt(),
                signed.keyId(), new byte[0]);

        assertIgnored(unsigned, "unsigned");
    }

    @Test
    void aSignedCheckpointWithTheWrongTreeSizeIsIgnored() {
        assertIgnored(ours.sign(31, new byte[32], tips(h -> h)), "inconsistent");
    }

    @Test
    void aSignedCheckpointWhoseHeadHashIsNotOnTheChainIsIgnored() {
        Checkpoint wrongHash = ours.sign(30, new byte[32], tips(h -> {
            byte[] hash = h.clone();
            hash[0] ^= 1;
            return hash;
        }));

        assertIgnored(wrongHash, "inconsistent");
    }

    @Test
    void aSignedCheckpointWithAHeadBeyondTheChainIsIgnoredWithoutStallingTheRestore() {
        List<PartitionHead> beyond = tips(h -> h).stream()
                .map(h -> new PartitionHead(h.partition(), h.sequence() + 1000, h.hash())).toList();

        assertIgnored(ours.sign(3030, new byte[32], beyond), "inconsistent");
    }

    /** Honest checkpoints then the attack (with an honest one before it too): the state is the honest one. */
    private void assertIgnored(Checkpoint attack, String reason) {
        List<Checkpoint> all = new ArrayList<>(ledger.checkpoints);
        all.add(2, attack);
        all.add(attack);

        LedgerState state = restore(all);

        assertThat(state.treeSize()).isEqualTo(28);
        assertThat(state.pendingCount()).isEqualTo(2);
        assertThat(state.checkpoint(ours).rootHash()).isEqualTo(honestNextRoot());
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", reason).count()).isEqualTo(2);
        assertThat(meters.find(TrustedCheckpoints.IGNORED_METRIC).counters()).hasSize(1);
    }

    private LedgerState restore(List<Checkpoint> checkpoints) {
        return LedgerState.restore(ledger.items().stream().map(ItemCursor::of).toList(),
                trusted.filter(ItemCursor.of(checkpoints)), skipped -> { }, trusted::inconsistent);
    }

    /** The root the writer signs next after an honest restore: all 30 entries. */
    private byte[] honestNextRoot() {
        return LedgerState.restore(LedgerFixture.PARTITIONS, ledger.entries, ledger.checkpoints).checkpoint(ours)
                .rootHash();
    }

    /** A head at the last entry of every partition (the two after the last checkpoint included). */
    private List<PartitionHead> tips(Function<byte[], byte[]> hash) {
        List<PartitionHead> heads = new ArrayList<>();
        for (int p = 0; p < ledger.entries.size(); p++) {
            List<Entry> chain = ledger.entries.get(p);
            heads.add(new PartitionHead(p, chain.size() - 1, hash.apply(chain.get(chain.size() - 1).entryHash())));
        }
        return heads;
    }
}
