package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key loading decides whether the ledger's checkpoints stay verifiable: production never gets a
 * generated key, and the key ring (history plus signing key) never lets the ledger sign with a key
 * its own ring refuses.
 */
class SigningKeysTest {

    private static final KeyPair OLD = Ed25519Keys.generate();
    private static final KeyPair NEW = Ed25519Keys.generate();
    private static final Instant ROTATED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T00:05:00Z");

    @TempDir
    Path dir;

    private LedgerProperties properties(String signingKey, String publicKey, boolean generate, Path history) {
        return new LedgerProperties(new LedgerProperties.Checkpoint(10, Duration.ofSeconds(1)), signingKey, publicKey,
                dir.resolve("keys"), generate, Duration.ofMillis(100), "tx", 10, Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofMillis(500), history);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Path history(LedgerKey... keys) throws Exception {
        Path file = dir.resolve("ledger-key-history.json");
        Files.writeString(file, LedgerKeyRing.of(List.of(keys)).toJson().toString());
        return file;
    }

    @Test
    void productionWithoutASigningKeyRefusesToStartEvenWhenGenerationIsSwitchedOn() {
        assertThatThrownBy(() -> SigningKeys.load(properties(null, null, true, null), true))
                .hasMessageContaining("Refusing to start").hasMessageContaining("greenlight.ledger.signing-key");
        assertThat(dir.resolve("keys")).as("no key was generated").doesNotExist();
    }

    @Test
    void withoutGenerationSwitchedOnAMissingKeyIsRefusedOutsideProductionToo() {
        assertThatThrownBy(() -> SigningKeys.load(properties(" ", null, false, null), false))
                .hasMessageContaining("greenlight.ledger.signing-key is required");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void productionLoadsTheConfiguredKeyFromSecretFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("ledger-signing-key"), base64(NEW.getPrivate().getEncoded()));
        Path pub = Files.writeString(dir.resolve("ledger-public-key"), base64(NEW.getPublic().getEncoded()));

        KeyPair loaded = SigningKeys.load(properties(secret.toString(), pub.toString(), false, null), true);

        assertThat(Ed25519Keys.keyId(loaded.getPublic())).isEqualTo(Ed25519Keys.keyId(NEW.getPublic()));
    }

    @Test
    void aSecretPathThatIsNotMountedIsNamed() {
        assertThatThrownBy(() -> SigningKeys.load(properties("/run/secrets/missing", "/run/secrets/missing-too",
                false, null), true)).hasMessageContaining("/run/secrets/missing");
    }

    @Test
    void theRingHoldsTheHistoryAndTheSigningKeyAsCurrentFromTheLastRetirement() throws Exception {
        Path history = history(new LedgerKey(null, OLD.getPublic(), null, ROTATED, false));

        LedgerKeyRing ring = SigningKeys.ring(properties("x", "y", false, history), NEW, NOW);

        LedgerKey current = ring.current().orElseThrow();
        assertThat(current.keyId()).isEqualTo(Ed25519Keys.keyId(NEW.getPublic()));
        assertThat(current.validFrom()).isEqualTo(ROTATED);
        assertThat(current.validUntil()).isNull();
        assertThat(ring.key(Ed25519Keys.keyId(OLD.getPublic())).orElseThrow().validUntil()).isEqualTo(ROTATED);
    }

    @Test
    void withoutHistoryTheRingIsTheSigningKeyAlone() {
        LedgerKeyRing ring = SigningKeys.ring(properties("x", "y", false, null), NEW, NOW);

        assertThat(ring.keys()).singleElement().satisfies(key -> {
            assertThat(key.current()).isTrue();
            assertThat(key.validFrom()).isNull();
        });
    }

    @Test
    void anEmptyHistoryIsTheLedgerBeforeItsFirstRotation() throws Exception {
        Path history = Files.writeString(dir.resolve("empty.json"), "{\"keys\":[]}");

        assertThat(SigningKeys.ring(properties("x", "y", false, history), NEW, NOW).keys()).hasSize(1);
    }

    @Test
    void theSavedPublicKeyAnswerWithTheOldKeyRetiredIsAHistory() throws Exception {
        // What an operator does: save GET /public-key before the rotation, set validUntil on the old key.
        String saved = LedgerKeyRing.of(List.of(new LedgerKey(null, OLD.getPublic(), null, null, true))).toJson()
                .toString().replace("\"validUntil\":null", "\"validUntil\":\"" + ROTATED + "\"");
        Path history = Files.writeString(dir.resolve("saved.json"), saved);

        LedgerKeyRing ring = SigningKeys.ring(properties("x", "y", false, history), NEW, NOW);

        assertThat(ring.current().orElseThrow().keyId()).isEqualTo(Ed25519Keys.keyId(NEW.getPublic()));
        assertThat(ring.key(Ed25519Keys.keyId(OLD.getPublic())).orElseThrow().current()).isFalse();
    }

    @Test
    void theSigningKeyRetiredInTheHistoryRefusesToStart() throws Exception {
        Path history = history(new LedgerKey(null, NEW.getPublic(), null, ROTATED, false));

        assertThatThrownBy(() -> SigningKeys.ring(properties("x", "y", false, history), NEW, NOW))
                .hasMessageContaining("retired").hasMessageContaining(Ed25519Keys.keyId(NEW.getPublic()));
    }

    @Test
    void anEarlierKeyWithoutValidUntilRefusesToStart() throws Exception {
        Path history = history(new LedgerKey(null, OLD.getPublic(), null, null, false));

        assertThatThrownBy(() -> SigningKeys.ring(properties("x", "y", false, history), NEW, NOW))
                .hasMessageContaining(Ed25519Keys.keyId(OLD.getPublic())).hasMessageContaining("validUntil");
    }

    @Test
    void aSigningKeyNotYetValidInTheHistoryRefusesToStart() throws Exception {
        Path history = history(new LedgerKey(null, OLD.getPublic(), null, ROTATED, false),
                new LedgerKey(null, NEW.getPublic(), NOW.plusSeconds(3600), null, false));

        assertThatThrownBy(() -> SigningKeys.ring(properties("x", "y", false, history), NEW, NOW))
                .hasMessageContaining("valid only from");
    }

    @Test
    void aMalformedHistoryNamesTheFileAndTheField() throws Exception {
        Path history = Files.writeString(dir.resolve("bad.json"), "{\"keys\":[{\"publicKey\":\"nope\"}]}");

        assertThatThrownBy(() -> SigningKeys.ring(properties("x", "y", false, history), NEW, NOW))
                .hasMessageContaining("bad.json").hasMessageContaining("keys[0].publicKey");
    }
}
