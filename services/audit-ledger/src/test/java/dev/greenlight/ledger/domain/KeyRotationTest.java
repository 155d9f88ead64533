package dev.greenlight.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ledger whose key was rotated: checkpoints before the rotation are signed by the old key, after
 * it by the new one, through the writer's own code path. With the key ring it verifies; with only
 * the new key, or with a ring whose validity periods do not cover the signing times, it does not.
 */
class KeyRotationTest {

    private static final KeyPair OLD = Ed25519Keys.generate();
    private static final KeyPair NEW = Ed25519Keys.generate();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant ROTATED = Instant.parse("2026-03-01T00:00:00Z");

    private final List<List<LedgerItem>> items = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    KeyRotationTest() {
        LedgerState state = new LedgerState(LedgerFixture.PARTITIONS);
        for (int p = 0; p < LedgerFixture.PARTITIONS; p++) {
            items.add(new ArrayList<>());
        }
        CheckpointSigner before = new CheckpointSigner(OLD, Clock.fixed(START.plusSeconds(3600), ZoneOffset.UTC));
        CheckpointSigner after = new CheckpointSigner(NEW, Clock.fixed(ROTATED.plusSeconds(3600), ZoneOffset.UTC));
        for (int i = 0; i < 30; i++) {
            int partition = i % LedgerFixture.PARTITIONS;
            Entry entry = state.append(partition, LedgerFixture.event(i), START.plusMillis(i));
            items.get(partition).add(new LedgerItem.Recorded(entry, "greenlight.ledger-" + partition + "@"
                    + items.get(partition).size()));
            if ((i + 1) % 5 == 0) {
                checkpoints.add(state.checkpoint(i < 15 ? before : after));
            }
        }
    }

    private static LedgerKeyRing ring(Instant oldUntil, Instant newFrom) {
        return LedgerKeyRing.of(List.of(new LedgerKey(null, OLD.getPublic(), START, oldUntil, false),
                new LedgerKey(null, NEW.getPublic(), newFrom, null, true)));
    }

    @Test
    void everyCheckpointNamesTheKeyThatSignedIt() {
        assertThat(checkpoints.subList(0, 3)).allSatisfy(c ->
                assertThat(c.keyId()).isEqualTo(Ed25519Keys.keyId(OLD.getPublic())));
        assertThat(checkpoints.subList(3, 6)).allSatisfy(c ->
                assertThat(c.keyId()).isEqualTo(Ed25519Keys.keyId(NEW.getPublic())));
    }

    @Test
    void theLedgerSignedByTwoKeysVerifiesWithTheKeyRing() {
        VerificationReport report = new LedgerVerifier(ring(ROTATED, ROTATED)).verify(items, checkpoints);

        assertThat(report.failure()).isEmpty();
        assertThat(report.checkpoints()).isEqualTo(6);
        assertThat(report.treeSize()).isEqualTo(30);
    }

    @Test
    void withOnlyTheNewKeyTheFirstCheckpointFailsNamingTheUnknownKey() {
        Failure failure = new LedgerVerifier(NEW.getPublic()).verify(items, checkpoints).failure().orElseThrow();

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(failure.sequence()).isZero();
        assertThat(failure.detail()).contains(Ed25519Keys.keyId(OLD.getPublic())).contains("not in the key ring");
    }

    @Test
    void aCheckpointSignedAfterItsKeysRetirementFails() {
        Instant retiredEarly = START.plusSeconds(60);

        Failure failure = new LedgerVerifier(ring(retiredEarly, retiredEarly)).verify(items, checkpoints).failure()
                .orElseThrow();

        assertThat(failure.reason()).isEqualTo(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
        assertThat(failure.detail()).contains("retired at " + retiredEarly);
    }

    @Test
    void aCheckpointSignedBeforeItsKeysValidityFails() {
        Instant newFromLater = ROTATED.plusSeconds(7200);

        Failure failure = new LedgerVerifier(ring(ROTATED, newFromLater)).verify(items, checkpoints).failure()
                .orElseThrow();

        assertThat(failure.sequence()).isEqualTo(3);
        assertThat(failure.detail()).contains(Ed25519Keys.keyId(NEW.getPublic())).contains("outside its validity");
    }
}
