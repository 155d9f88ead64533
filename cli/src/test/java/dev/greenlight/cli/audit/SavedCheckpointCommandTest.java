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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Saved checkpoints: {@code ledger checkpoint} saves the signed note, {@code ledger verify --checkpoint}
 * proves offline that an export extends it (truncation and rewriting are BROKEN, exit 1, named), and
 * {@code ledger consistency} checks the ledger's own proof online against it; {@code --min-witnesses}
 * counts only valid cosignatures of the named witnesses.
 */
class SavedCheckpointCommandTest {

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private FakeNoteLedger ledger;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        ledger = new FakeNoteLedger(Ed25519Keys.generate()).grow(7);
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

    private Path saveCheckpoint() throws Exception {
        Path saved = dir.resolve("checkpoint.txt");
        int exit = run("ledger", "checkpoint", "--file", saved.toString(), "--token", "demo-bob",
                "--ledger-url", ledger.url());
        assertThat(exit).as(err.toString()).isZero();
        return saved;
    }

    @Test
    void theSavedCheckpointIsTheSignedNoteTheLedgerServes() throws Exception {
        Path saved = saveCheckpoint();

        SignedNote note = SignedNote.parse(Files.readString(saved));
        assertThat(note).isEqualTo(ledger.latest());
        assertThat(note.verifiedBy(ledger.noteKey())).isTrue();
        assertThat(CheckpointNote.parse(note.text()).treeSize()).isEqualTo(7);
        assertThat(out.toString()).contains("tree size 7");
    }

    @Test
    void anExportThatExtendsTheSavedCheckpointVerifies() throws Exception {
        Path saved = saveCheckpoint();
        ledger.grow(5).grow(3);

        int exit = run("ledger", "verify", "--file", ledger.export(dir.resolve("e.jsonl")).toString(),
                "--public-key", ledger.publicKey(), "--checkpoint", saved.toString());

        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("OK");
    }

    @Test
    void aTruncatedExportIsBrokenAgainstTheSavedCheckpoint() throws Exception {
        Path shorter = ledger.export(dir.resolve("short.jsonl"));
        ledger.grow(5);
        Path saved = saveCheckpoint();

        int exit = run("ledger", "verify", "--file", shorter.toString(), "--public-key", ledger.publicKey(),
                "--checkpoint", saved.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN TRUNCATED").contains("12").contains(saved.toString());
    }

    @Test
    void aRewrittenExportSignedWithTheSameKeyIsBroken() throws Exception {
        Path saved = saveCheckpoint();
        ledger.rewrite("b", 15);

        int exit = run("ledger", "verify", "--file", ledger.export(dir.resolve("e.jsonl")).toString(),
                "--public-key", ledger.publicKey(), "--checkpoint", saved.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN REWRITTEN").contains("at tree size 7");
    }

    @Test
    void theOnlineConsistencyCheckVerifiesTheLedgersProofAndCatchesARewrite() throws Exception {
        Path saved = saveCheckpoint();
        ledger.grow(6);

        assertThat(run("ledger", "consistency", "--checkpoint", saved.toString(), "--public-key", ledger.publicKey(),
                "--ledger-url", ledger.url())).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("OK").contains("tree size 13 extends tree size 7");

        ledger.rewrite("b", 20);
        assertThat(run("ledger", "consistency", "--checkpoint", saved.toString(), "--public-key", ledger.publicKey(),
                "--ledger-url", ledger.url())).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN REWRITTEN");

        ledger.rewrite("a", 3);
        assertThat(run("ledger", "consistency", "--checkpoint", saved.toString(), "--public-key", ledger.publicKey(),
                "--ledger-url", ledger.url())).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN TRUNCATED");
    }

    @Test
    void minWitnessesCountsValidCosignaturesOfTheNamedWitnessesOnly() throws Exception {
        NoteSignerKey w1 = NoteSignerKey.generate("witness.test/w1", NoteKey.COSIGNATURE_V1);
        NoteSignerKey w2 = NoteSignerKey.generate("witness.test/w2", NoteKey.COSIGNATURE_V1);
        Path w1Key = Files.writeString(dir.resolve("w1.key"), w1.file());
        assertThat(run("witness", "--key-file", w1Key.toString(), "--state", dir.resolve("w1.state").toString(),
                "--ledger-key", ledger.publicKey(), "--token", "demo-witness", "--ledger-url", ledger.url()))
                .as(out + " " + err).isZero();
        Path saved = saveCheckpoint();
        assertThat(Cosignatures.count(SignedNote.parse(Files.readString(saved)), java.util.List.of(w1.publicKey())))
                .isEqualTo(1);
        Path export = ledger.export(dir.resolve("e.jsonl"));

        int one = run("ledger", "verify", "--file", export.toString(), "--public-key", ledger.publicKey(),
                "--checkpoint", saved.toString(), "--witness-key", "witness.test/w1=" + w1.publicKey().verifierKey(),
                "--witness-key", "witness.test/w2=" + w2.publicKey().verifierKey(), "--min-witnesses", "1");
        assertThat(one).as(out + " " + err).isZero();

        int two = run("ledger", "verify", "--file", export.toString(), "--public-key", ledger.publicKey(),
                "--checkpoint", saved.toString(), "--witness-key", "witness.test/w1=" + w1.publicKey().verifierKey(),
                "--witness-key", "witness.test/w2=" + w2.publicKey().verifierKey(), "--min-witnesses", "2");
        assertThat(two).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN WITNESSES").contains("1 valid cosignature(s)");
    }
}
