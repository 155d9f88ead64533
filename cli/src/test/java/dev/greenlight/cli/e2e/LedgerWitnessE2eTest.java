package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.get;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static dev.greenlight.cli.e2e.WholeStack.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.StackService;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.SignedNote;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The auditor's and the witness's commands against the real stack: save a checkpoint, let the ledger
 * grow, prove online and offline that it extends the saved one, cosign as a witness, see the
 * cosignature on the served note, and require it when verifying an export.
 */
@ExtendWith(WholeStack.class)
class LedgerWitnessE2eTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("witness") || !args[1].equals("keygen")) {
            all.addAll(List.of("--ledger-url", stack().serviceUrl(StackService.AUDIT_LEDGER)));
        }
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }

    private void register(String version) {
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "witness-e2e", "version": "%s", "type": "CONFIG",
                 "revision": "abc1234", "author": "alice"}""".formatted(version));
    }

    private long awaitNoteBeyond(long size) {
        long[] seen = new long[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (cli("ledger", "checkpoint", "--token", "demo-bob") != 0) {
                return false;
            }
            seen[0] = CheckpointNote.parse(SignedNote.parse(out.toString()).text()).treeSize();
            return seen[0] > size;
        });
        return seen[0];
    }

    @Test
    void aSavedCheckpointIsExtendedAndAWitnessCosignsWhatTheLedgerServes() throws Exception {
        String ledgerKey = get(StackService.AUDIT_LEDGER, "/api/v1/ledger/public-key", "bob").json()
                .path("publicKey").asString();
        register("1.0.0");
        long first = awaitNoteBeyond(0);
        Path saved = dir.resolve("saved.txt");
        assertThat(cli("ledger", "checkpoint", "--file", saved.toString(), "--token", "demo-bob"))
                .as(err.toString()).isZero();
        long savedSize = CheckpointNote.parse(SignedNote.parse(Files.readString(saved)).text()).treeSize();
        assertThat(savedSize).isGreaterThanOrEqualTo(first);

        Path key = dir.resolve("w1.key");
        Path state = dir.resolve("w1.state");
        assertThat(cli("witness", "keygen", "--name", "witness.e2e/w1", "--key-file", key.toString())).isZero();
        assertThat(cli("witness", "--key-file", key.toString(), "--state", state.toString(), "--ledger-key", ledgerKey,
                "--token", "demo-witness")).as(out + " " + err).isZero();

        register("1.0.1");
        long grown = awaitNoteBeyond(savedSize);
        assertThat(cli("ledger", "consistency", "--checkpoint", saved.toString(), "--public-key", ledgerKey,
                "--token", "demo-bob")).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("extends tree size " + savedSize);

        assertThat(cli("witness", "--key-file", key.toString(), "--state", state.toString(), "--ledger-key", ledgerKey,
                "--token", "demo-witness")).as(out + " " + err).isZero();
        assertThat(out.toString()).contains("COSIGNED");
        NoteKey witness = NoteKey.parse(Files.readString(Path.of(key + ".vkey")));
        long cosignedSize = CheckpointNote.parse(SignedNote.parse(Files.readString(state)).text()).treeSize();
        assertThat(cosignedSize).isGreaterThanOrEqualTo(grown);

        // An export taken now extends the saved checkpoint; the witness cosigned the checkpoint saved next.
        Path cosigned = dir.resolve("cosigned.txt");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(cli("ledger", "checkpoint", "--file", cosigned.toString(), "--token", "demo-bob")).isZero();
            SignedNote note = SignedNote.parse(Files.readString(cosigned));
            return CheckpointNote.parse(note.text()).treeSize() == cosignedSize
                    && Cosignatures.count(note, List.of(witness)) == 1;
        });
        Path export = dir.resolve("ledger.jsonl");
        assertThat(cli("ledger", "export", "--file", export.toString(), "--token", "demo-bob")).isZero();
        assertThat(cli("ledger", "verify", "--file", export.toString(), "--public-key", ledgerKey,
                "--checkpoint", saved.toString())).as(out + " " + err).isZero();
        assertThat(cli("ledger", "verify", "--file", export.toString(), "--public-key", ledgerKey,
                "--checkpoint", cosigned.toString(), "--witness-key", "witness.e2e/w1=" + key + ".vkey",
                "--min-witnesses", "1")).as(out + " " + err).isZero();
    }
}
