package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.PartitionHead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which checkpoint records the writer may rebuild its Merkle state from. Anyone allowed to produce
 * to the checkpoint topic could append a record there; the writer must neither trust it (its
 * signed tree would be built on a lie) nor choke on it (a head beyond the chain made the restore
 * fail, and the writer retried forever: a stall). So a checkpoint is used only if it is signed with
 * the ledger's key and extends the previous trusted one along the valid chains; every other one is
 * ignored, logged and counted in {@code greenlight_ledger_checkpoints_ignored_total{reason}}
 * (reason {@code unsigned}, {@code bad-signature} or {@code inconsistent}). Verification still sees
 * them all: an auditor must be told about a forged checkpoint, the writer must only not build on it.
 */
final class TrustedCheckpoints {

    static final String IGNORED_METRIC = "greenlight.ledger.checkpoints.ignored";

    private static final Logger log = LoggerFactory.getLogger(TrustedCheckpoints.class);

    private final LedgerKeyRing keys;
    private final MeterRegistry meters;

    /** @param keys every key the ledger signed with (a rotation must not make earlier checkpoints untrusted) */
    TrustedCheckpoints(LedgerKeyRing keys, MeterRegistry meters) {
        this.keys = keys;
        this.meters = meters;
    }

    TrustedCheckpoints(PublicKey publicKey, MeterRegistry meters) {
        this(LedgerKeyRing.of(publicKey), meters);
    }

    /** The checkpoints, in publication order, that are signed by the ledger key and agree with {@code chains}. */
    List<Checkpoint> filter(List<Checkpoint> checkpoints, List<List<Entry>> chains) {
        List<Checkpoint> trusted = new ArrayList<>();
        long[] covered = new long[chains.size()];
        Arrays.fill(covered, -1);
        long treeSize = 0;
        for (Checkpoint checkpoint : checkpoints) {
            String reason = null;
            long added = 0;
            if (checkpoint.signature() == null || checkpoint.signature().length == 0) {
                reason = "unsigned";
            } else if (keys.refusal(checkpoint).isPresent()) {
                reason = "bad-signature";
            } else {
                for (PartitionHead head : checkpoint.heads()) {
                    if (!onChain(head, chains, covered)) {
                        reason = "inconsistent";
                        break;
                    }
                    added += head.sequence() - covered[head.partition()];
                }
                if (reason == null && checkpoint.treeSize() != treeSize + added) {
                    reason = "inconsistent";
                }
            }
            if (reason != null) {
                log.warn("Ignoring checkpoint record of tree size {} ({}): the writer does not build on it",
                        checkpoint.treeSize(), reason);
                Counter.builder(IGNORED_METRIC).tag("reason", reason)
                        .description("Checkpoint records the ledger writer ignored when rebuilding its state")
                        .register(meters).increment();
                continue;
            }
            for (PartitionHead head : checkpoint.heads()) {
                covered[head.partition()] = head.sequence();
            }
            treeSize = checkpoint.treeSize();
            trusted.add(checkpoint);
        }
        return trusted;
    }

    /** Whether {@code head} lies on its valid chain at or after what earlier checkpoints covered. */
    private static boolean onChain(PartitionHead head, List<List<Entry>> chains, long[] covered) {
        if (head.partition() < 0 || head.partition() >= chains.size()) {
            return false;
        }
        List<Entry> chain = chains.get(head.partition());
        if (head.sequence() < covered[head.partition()] || head.sequence() >= chain.size()) {
            return false;
        }
        if (head.sequence() < 0) {
            return head.sequence() == -1 && Arrays.equals(head.hash(), new byte[head.hash().length]);
        }
        return Arrays.equals(head.hash(), chain.get((int) head.sequence()).entryHash());
    }

    /**
     * The streaming form the writer restores from: yields, in publication order, the checkpoints signed
     * by a key of the ring whose heads never move back and whose tree size is the previous trusted
     * size plus the entries their heads add. That needs no entry, so the ledger is never held; a head
     * whose hash disagrees with the chain is then found by the restore walking the chain (it stops there
     * and logs it), where the list form above could reject the checkpoint before using it.
     */
    ItemCursor<Checkpoint> filter(ItemCursor<Checkpoint> checkpoints, int partitions) {
        long[] covered = new long[partitions];
        Arrays.fill(covered, -1);
        long[] treeSize = {0};
        return new ItemCursor<>() {
            private Checkpoint next = advance();

            private Checkpoint advance() {
                while (checkpoints.hasNext()) {
                    Checkpoint checkpoint = checkpoints.next();
                    String reason = structuralRefusal(checkpoint, covered, treeSize[0]);
                    if (reason != null) {
                        ignored(checkpoint, reason);
                        continue;
                    }
                    for (PartitionHead head : checkpoint.heads()) {
                        covered[head.partition()] = head.sequence();
                    }
                    treeSize[0] = checkpoint.treeSize();
                    return checkpoint;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Checkpoint next() {
                Checkpoint current = next;
                next = advance();
                return current;
            }
        };
    }

    private String structuralRefusal(Checkpoint checkpoint, long[] covered, long treeSize) {
        if (checkpoint == null || checkpoint.signature() == null || checkpoint.signature().length == 0) {
            return "unsigned";
        }
        if (keys.refusal(checkpoint).isPresent()) {
            return "bad-signature";
        }
        long added = 0;
        for (PartitionHead head : checkpoint.heads()) {
            if (head.partition() < 0 || head.partition() >= covered.length
                    || head.sequence() < covered[head.partition()]) {
                return "inconsistent";
            }
            added += head.sequence() - covered[head.partition()];
        }
        return checkpoint.treeSize() == treeSize + added ? null : "inconsistent";
    }

    private void ignored(Checkpoint checkpoint, String reason) {
        log.warn("Ignoring checkpoint record of tree size {} ({}): the writer does not build on it",
                checkpoint == null ? -1 : checkpoint.treeSize(), reason);
        Counter.builder(IGNORED_METRIC).tag("reason", reason)
                .description("Checkpoint records the ledger writer ignored when rebuilding its state")
                .register(meters).increment();
    }
}
