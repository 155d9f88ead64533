package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignerKey;
import dev.greenlight.ledger.verify.SignedNote;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight witness}: a third party with its own key cosigns each checkpoint that extends the
 * last one it cosigned, and refuses, exit 1, when the ledger was rewritten (even with the ledger's own
 * key) or truncated, without cosigning or forgetting what it saw.
 */
class WitnessCommandTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private FakeNoteLedger ledger;
    private Path key;
    private Path state;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        ledger = new FakeNoteLedger(Ed25519Keys.generate()).grow(5);
        key = dir.resolve("w1.key");
        state = dir.resolve("w1.state");
        assertThat(run("witness", "keygen", "--name", "witness.test/w1", "--key-file", key.toString()))
                .as(err.toString()).isZero();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int witness() {
        return run("witness", "--key-file", key.toString(), "--state", state.toString(), "--ledger-key",
                ledger.publicKey(), "--token", "demo-witness", "--ledger-url", ledger.url());
    }

    private NoteKey witnessKey() throws Exception {
        return NoteKey.parse(Files.readString(Path.of(key + ".vkey")));
    }

    @Test
    void keygenWritesAPrivateKeyAndItsVerifierKey() throws Exception {
        NoteSignerKey loaded = NoteSignerKey.parse(Files.readString(key));
        assertThat(loaded.publicKey()).isEqualTo(witnessKey());
        assertThat(witnessKey().type()).isEqualTo(NoteKey.COSIGNATURE_V1);
        assertThat(run("witness", "keygen", "--name", "witness.test/w1", "--key-file", key.toString())).isEqualTo(3);
    }

    @Test
    void aWitnessCosignsEachExtensionAndItsCosignatureIsServed() throws Exception {
        assertThat(witness()).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("COSIGNED tree size 5");
        assertThat(Cosignatures.count(ledger.latest(), List.of(witnessKey()))).isEqualTo(1);

        ledger.grow(8);
        assertThat(witness()).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("COSIGNED tree size 13").contains("extends tree size 5");
        assertThat(Cosignatures.count(ledger.latest(), List.of(witnessKey()))).isEqualTo(1);
        assertThat(CheckpointNote.parse(SignedNote.parse(Files.readString(state)).text()).treeSize()).isEqualTo(13);
        assertThat(ledger.submissions).hasSize(2);

        assertThat(witness()).isZero();
        assertThat(out.toString()).contains("nothing new");
        assertThat(ledger.submissions).hasSize(2);
    }

    @Test
    void anOperatorHoldingTheLogKeyWhoRewritesTheLedgerIsCaughtByTheWitness() throws Exception {
        assertThat(witness()).isZero();
        String cosigned = Files.readString(state);
        ledger.rewrite("b", 12);

        int exit = witness();

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED REWRITTEN").contains("not cosigning tree size 12");
        assertThat(ledger.submissions).hasSize(1);
        assertThat(Files.readString(state)).isEqualTo(cosigned);
        assertThat(ledger.latest().signatures()).hasSize(1);
    }

    @Test
    void aTruncatedLedgerIsRefused() throws Exception {
        assertThat(witness()).isZero();
        ledger.rewrite("a", 3);

        assertThat(witness()).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED TRUNCATED");
        assertThat(ledger.submissions).hasSize(1);
    }

    @Test
    void aCheckpointNotSignedByTheLedgerKeyIsRefused() throws Exception {
        int exit = run("witness", "--key-file", key.toString(), "--state", state.toString(), "--ledger-key",
                java.util.Base64.getEncoder().encodeToString(Ed25519Keys.generate().getPublic().getEncoded()),
                "--token", "demo-witness", "--ledger-url", ledger.url());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED").contains("no valid signature");
        assertThat(Files.exists(state)).isFalse();
        assertThat(ledger.submissions).isEmpty();
    }
}
