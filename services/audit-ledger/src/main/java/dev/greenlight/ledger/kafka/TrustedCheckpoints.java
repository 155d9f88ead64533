package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.ItemCursor;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.PublicKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which checkpoint records the writer may rebuild its Merkle state from. Anyone allowed to produce
 * to the checkpoint topic could append a record there; the writer must neither trust it (its
 * signed tree would be built on a lie) nor choke on it (a head beyond the chain made the restore
 * fail, and the writer retried forever: a stall). So a checkpoint is used only if it is signed with
 * the ledger's key (checked here) and extends the previous trusted one along the valid chains (checked
 * by the restore as it walks them, {@link LedgerState}); every other one is ignored, logged and counted in {@code greenlight_ledger_checkpoints_ignored_total{reason}}
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

    /**
     * The checkpoints, in publication order, signed by a key of the ring (inside its validity); the others
     * are ignored and counted ({@code unsigned}, {@code bad-signature}). Whether a signed one fits the
     * chain — heads on the valid chains with their hashes, never moving back, the tree size the previous
     * one plus what the heads add — is decided where the chain is walked, by
     * {@link LedgerState#restore(List, ItemCursor, java.util.function.Consumer, java.util.function.Consumer)},
     * which reports a misfit to {@link #inconsistent}.
     */
    ItemCursor<Checkpoint> filter(ItemCursor<Checkpoint> checkpoints) {
        return new ItemCursor<>() {
            private Checkpoint next = advance();

            private Checkpoint advance() {
                while (checkpoints.hasNext()) {
                    Checkpoint checkpoint = checkpoints.next();
                    String reason = signatureRefusal(checkpoint);
                    if (reason == null) {
                        return checkpoint;
                    }
                    ignored(checkpoint, reason);
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

    /** A signed checkpoint the restore found not to fit the chain: ignored and counted as {@code inconsistent}. */
    void inconsistent(Checkpoint checkpoint) {
        ignored(checkpoint, "inconsistent");
    }

    private String signatureRefusal(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.signature() == null || checkpoint.signature().length == 0) {
            return "unsigned";
        }
        return keys.refusal(checkpoint).isPresent() ? "bad-signature" : null;
    }

    private void ignored(Checkpoint checkpoint, String reason) {
        log.warn("Ignoring checkpoint record of tree size {} ({}): the writer does not build on it",
                checkpoint == null ? -1 : checkpoint.treeSize(), reason);
        Counter.builder(IGNORED_METRIC).tag("reason", reason)
                .description("Checkpoint records the ledger writer ignored when rebuilding its state")
                .register(meters).increment();
    }
}
