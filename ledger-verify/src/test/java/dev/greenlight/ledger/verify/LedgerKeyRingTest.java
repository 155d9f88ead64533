package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint verifies with the key it names, and only inside that key's validity: after a
 * rotation the old key still vouches for what it signed while it was current, never for anything
 * signed after its retirement.
 */
class LedgerKeyRingTest {

    private static final KeyPair OLD = Ed25519Keys.generate();
    private static final KeyPair NEW = Ed25519Keys.generate();
    private static final Instant ROTATED = Instant.parse("2026-03-01T00:00:00Z");

    private static final LedgerKeyRing RING = LedgerKeyRing.of(List.of(
            new LedgerKey(null, OLD.getPublic(), Instant.parse("2026-01-01T00:00:00Z"), ROTATED, false),
            new LedgerKey(null, NEW.getPublic(), ROTATED, null, true)));

    private static Checkpoint signed(KeyPair keys, String at) {
        return new CheckpointSigner(keys, Clock.fixed(Instant.parse(at), ZoneOffset.UTC))
                .sign(1, new byte[Sha256.LENGTH], List.of(new PartitionHead(0, 0, new byte[Sha256.LENGTH])));
    }

    @Test
    void eachCheckpointVerifiesWithTheKeyItNamesInsideThatKeysValidity() {
        assertThat(RING.refusal(signed(OLD, "2026-02-01T00:00:00Z"))).isEmpty();
        assertThat(RING.refusal(signed(NEW, "2026-04-01T00:00:00Z"))).isEmpty();
        assertThat(RING.refusal(signed(NEW, "2026-03-01T00:00:00Z"))).as("validFrom is inclusive").isEmpty();
    }

    @Test
    void aCheckpointSignedByARetiredKeyAfterItsRetirementIsRefused() {
        assertThat(RING.refusal(signed(OLD, "2026-03-01T00:00:00Z")))
                .hasValueSatisfying(why -> assertThat(why).contains(Ed25519Keys.keyId(OLD.getPublic()))
                        .contains("retired at 2026-03-01T00:00:00Z"));
    }

    @Test
    void aCheckpointSignedBeforeItsKeysValidityIsRefused() {
        assertThat(RING.refusal(signed(NEW, "2026-02-01T00:00:00Z")))
                .hasValueSatisfying(why -> assertThat(why).contains("outside its validity"));
        assertThat(RING.refusal(signed(OLD, "2025-12-31T23:59:59Z"))).isPresent();
    }

    @Test
    void aCheckpointNamingAnUnknownKeyIsRefusedNamingIt() {
        LedgerKeyRing onlyNew = LedgerKeyRing.of(NEW.getPublic());

        assertThat(onlyNew.refusal(signed(OLD, "2026-02-01T00:00:00Z")))
                .hasValueSatisfying(why -> assertThat(why).contains(Ed25519Keys.keyId(OLD.getPublic()))
                        .contains("not in the key ring"));
    }

    @Test
    void aCheckpointClaimingAnotherKeysIdDoesNotVerify() {
        Checkpoint byOld = signed(OLD, "2026-04-01T00:00:00Z");
        Checkpoint claimingNew = new Checkpoint(byOld.treeSize(), byOld.rootHash(), byOld.heads(), byOld.signedAt(),
                Ed25519Keys.keyId(NEW.getPublic()), byOld.signature());

        assertThat(RING.refusal(claimingNew)).hasValueSatisfying(why -> assertThat(why).contains("does not verify"));
    }

    @Test
    void theJsonFormRoundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ledger-keys.json");
        Files.writeString(file, RING.toJson().toString());

        LedgerKeyRing read = LedgerKeyRing.read(file.toString());

        assertThat(read.keys()).hasSize(2);
        assertThat(read.current().orElseThrow().keyId()).isEqualTo(Ed25519Keys.keyId(NEW.getPublic()));
        assertThat(read.key(Ed25519Keys.keyId(OLD.getPublic())).orElseThrow().validUntil()).isEqualTo(ROTATED);
        assertThat(read.refusal(signed(OLD, "2026-02-01T00:00:00Z"))).isEmpty();
        assertThat(read.refusal(signed(OLD, "2026-03-02T00:00:00Z"))).isPresent();
    }

    @Test
    void aSingleBase64KeyOrSingleKeyDocumentIsOneKeyValidAtAllTimes() {
        String base64 = Base64.getEncoder().encodeToString(OLD.getPublic().getEncoded());

        LedgerKeyRing bare = LedgerKeyRing.parse(base64);
        LedgerKeyRing document = LedgerKeyRing.parse("{\"algorithm\":\"Ed25519\",\"publicKey\":\"" + base64 + "\"}");

        assertThat(bare.refusal(signed(OLD, "2030-01-01T00:00:00Z"))).isEmpty();
        assertThat(document.refusal(signed(OLD, "2020-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aKeyIdThatIsNotItsKeysIdIsRefusedWhenReading() {
        String base64 = Base64.getEncoder().encodeToString(OLD.getPublic().getEncoded());
        String wrongId = Ed25519Keys.keyId(NEW.getPublic());

        assertThatThrownBy(() -> LedgerKeyRing.parse(
                "{\"keys\":[{\"keyId\":\"" + wrongId + "\",\"publicKey\":\"" + base64 + "\"}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys[0]").hasMessageContaining(wrongId);
        assertThatThrownBy(() -> LedgerKeyRing.parse(
                "{\"keys\":[{\"publicKey\":\"" + base64 + "\",\"validUntil\":\"next tuesday\"}]}"))
                .hasMessageContaining("keys[0].validUntil");
        assertThatThrownBy(() -> LedgerKeyRing.parse("not a key")).isInstanceOf(IllegalArgumentException.class);
    }
}
