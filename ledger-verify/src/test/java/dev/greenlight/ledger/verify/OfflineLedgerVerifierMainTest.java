package dev.greenlight.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone verifier's entry point (the jar's Main-Class) prints the verdict and returns the
 * exit status, with only the export and a key: this module's own ledger, no service code.
 */
class OfflineLedgerVerifierMainTest {

    @TempDir
    Path dir;

    private final TestLedger ledger = new TestLedger(120, 25);

    private int run(List<String> lines, ByteArrayOutputStream out, String... extra) throws IOException {
        Path export = dir.resolve("ledger.jsonl");
        Files.write(export, lines);
        String[] args = extra.length > 0 ? extra : new String[] {export.toString(), TestLedger.publicKeyBase64()};
        return OfflineLedgerVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void okExitsZero() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run(ledger.export(), out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 120 entries, 4 checkpoints, tree size 100");
    }

    @Test
    void deletedEntryExitsOneNamingTheLine() throws IOException {
        List<String> lines = new ArrayList<>(ledger.export());
        lines.remove(10); // an entry of partition 0 (the header is line 1)
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run(lines, out)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("BROKEN: MISSING_ENTRY at line 11 (partition 0");
    }

    @Test
    void wrongArgumentsExitTwo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(run(ledger.export(), out, "only-one")).isEqualTo(2);
        assertThat(run(ledger.export(), out, "x.jsonl", "not-a-key")).isEqualTo(2);
    }
}
