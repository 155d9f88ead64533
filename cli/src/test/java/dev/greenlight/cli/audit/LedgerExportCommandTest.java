package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.greenlight.cli.StubbedCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight ledger export} against a stand-in audit-ledger that streams its answer in chunks
 * (no length known up front, as the service streams a whole ledger): the file or standard output
 * gets every byte, the line count is the export's, and a refusal writes no file.
 */
class LedgerExportCommandTest {

    private StubbedCli cli;
    private String export;

    @TempDir
    Path dir;

    @BeforeEach
    void startStub() throws IOException {
        StringBuilder lines = new StringBuilder("{\"type\":\"header\",\"scope\":\"ledger\"}\n");
        for (int i = 0; i < 20_000; i++) {
            lines.append("{\"type\":\"entry\",\"index\":").append(i).append(",\"note\":\"é\"}\n");
        }
        export = lines.toString();
        cli = StubbedCli.start(200, export);
        cli.streamed();
    }

    @AfterEach
    void stopStub() {
        cli.stop();
    }

    @Test
    void writesEveryByteOfAStreamedExportToTheFileAndCountsItsLines() throws IOException {
        Path file = dir.resolve("ledger.jsonl");

        int exit = cli.run("ledger", "export", "--release", "ict-qm", "--file", file.toString(), "--token", "demo-bob",
                "--ledger-url", cli.url());

        assertThat(exit).isZero();
        assertThat(cli.calls()).extracting(StubbedCli.Call::path, StubbedCli.Call::query)
                .containsExactly(tuple("/api/v1/ledger/export", "release=ict-qm"));
        assertThat(Files.readString(file)).isEqualTo(export);
        assertThat(cli.out()).isEqualTo("wrote 20001 lines to " + file + System.lineSeparator());
    }

    @Test
    void printsTheExportToStandardOutputWithoutAFile() {
        int exit = cli.run("ledger", "export", "--token", "demo-bob", "--ledger-url", cli.url());

        assertThat(exit).isZero();
        assertThat(cli.calls()).extracting(StubbedCli.Call::path).containsExactly("/api/v1/ledger/export");
        assertThat(cli.out()).isEqualTo(export);
    }

    @Test
    void aRefusedExportWritesNoFileAndSaysWhy() {
        cli.status(403);
        cli.answer("{\"detail\":\"auditor role needed\"}");
        Path file = dir.resolve("refused.jsonl");

        int exit = cli.run("ledger", "export", "--file", file.toString(), "--token", "demo-carol", "--ledger-url",
                cli.url());

        assertThat(exit).isNotZero();
        assertThat(cli.calls()).extracting(StubbedCli.Call::path).containsExactly("/api/v1/ledger/export");
        assertThat(file).doesNotExist();
        assertThat(cli.err()).contains("not permitted").contains("auditor role needed");
    }
}
