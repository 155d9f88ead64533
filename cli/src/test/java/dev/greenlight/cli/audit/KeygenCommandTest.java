package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.LedgerKey;
import dev.greenlight.ledger.verify.LedgerKeyRing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight ledger keygen}: a key pair the service can load, the private half readable by its
 * owner only, never overwriting an existing key; with --rotate-from, the history that retires the
 * current key at the given instant.
 */
class KeygenCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static byte[] base64(Path file) throws Exception {
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    @Test
    void writesAMatchingKeyPairWithThePrivateKeyOwnerOnlyAndAnEmptyHistory() throws Exception {
        Path secrets = dir.resolve("secrets");

        int exit = run("ledger", "keygen", "--dir", secrets.toString());

        assertThat(exit).as(err.toString()).isZero();
        PrivateKey privateKey = Ed25519Keys.privateKey(base64(secrets.resolve(KeygenCommand.PRIVATE_FILE)));
        PublicKey publicKey = Ed25519Keys.publicKey(base64(secrets.resolve(KeygenCommand.PUBLIC_FILE)));
        byte[] probe = {1, 2, 3};
        assertThat(Ed25519Keys.verify(publicKey, probe, Ed25519Keys.sign(privateKey, probe))).isTrue();
        assertThat(Files.getPosixFilePermissions(secrets.resolve(KeygenCommand.PRIVATE_FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(LedgerKeyRing.parseKeys(Files.readString(secrets.resolve(KeygenCommand.HISTORY_FILE)))).isEmpty();
        assertThat(out.toString()).contains(Ed25519Keys.keyId(publicKey));
    }

    @Test
    void neverOverwritesAnExistingKey() throws Exception {
        run("ledger", "keygen", "--dir", dir.toString());
        String before = Files.readString(dir.resolve(KeygenCommand.PRIVATE_FILE));

        int exit = run("ledger", "keygen", "--dir", dir.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("never overwritten");
        assertThat(Files.readString(dir.resolve(KeygenCommand.PRIVATE_FILE))).isEqualTo(before);
    }

    @Test
    void aRotationRetiresTheCurrentKeyAtTheGivenInstantAndKeepsEarlierPeriods() throws Exception {
        KeyPair first = Ed25519Keys.generate();
        KeyPair second = Ed25519Keys.generate();
        Instant firstRetired = Instant.parse("2026-01-01T00:00:00Z");
        Instant secondRetired = Instant.parse("2026-07-01T09:00:00Z");
        Path saved = Files.writeString(dir.resolve("ledger-keys.json"), LedgerKeyRing.of(List.of(
                new LedgerKey(null, first.getPublic(), null, firstRetired, false),
                new LedgerKey(null, second.getPublic(), firstRetired, null, true))).toJson().toString());

        int exit = run("ledger", "keygen", "--dir", dir.resolve("new").toString(), "--rotate-from", saved.toString(),
                "--retire-at", secondRetired.toString());

        assertThat(exit).as(err.toString()).isZero();
        LedgerKeyRing history = LedgerKeyRing.read(dir.resolve("new").resolve(KeygenCommand.HISTORY_FILE).toString());
        assertThat(history.keys()).extracting(LedgerKey::validUntil).containsExactly(firstRetired, secondRetired);
        assertThat(history.keys()).noneMatch(LedgerKey::current);
        assertThat(history.key(Ed25519Keys.keyId(second.getPublic())).orElseThrow().validFrom()).isEqualTo(firstRetired);
    }

    @Test
    void aRotationWithoutTheRetirementInstantIsRefusedAndWritesNothing() throws Exception {
        Path saved = Files.writeString(dir.resolve("ledger-keys.json"),
                LedgerKeyRing.of(Ed25519Keys.generate().getPublic()).toJson().toString());

        int exit = run("ledger", "keygen", "--dir", dir.resolve("new").toString(), "--rotate-from", saved.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("--retire-at");
        assertThat(dir.resolve("new")).doesNotExist();
    }
}
