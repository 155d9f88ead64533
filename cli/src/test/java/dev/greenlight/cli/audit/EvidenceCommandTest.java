package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.StubbedCli;
import dev.greenlight.cli.StubbedCli.Call;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code greenlight ledger evidence} against a stand-in audit-ledger: it asks the evidence endpoint
 * for the release in the chosen format with the caller's token, and prints or saves the answer.
 */
class EvidenceCommandTest {

    private StubbedCli cli;

    @TempDir
    Path dir;

    @BeforeEach
    void startStub() throws IOException {
        cli = StubbedCli.start(200, "# Release evidence: ict-qm@2.1.0\n");
    }

    @AfterEach
    void stopStub() {
        cli.stop();
    }

    @Test
    void printsTheMarkdownReportOfTheReleaseByDefault() {
        int exit = cli.run("ledger", "evidence", "ict-qm@2.1.0", "--token", "demo-bob", "--ledger-url", cli.url());

        assertThat(exit).isZero();
        assertThat(cli.calls()).containsExactly(new Call("GET", "/api/v1/ledger/releases/ict-qm/2.1.0/evidence",
                "format=markdown", "Bearer demo-bob", null));
        assertThat(cli.out()).isEqualTo("# Release evidence: ict-qm@2.1.0\n");
    }

    @Test
    void writesTheJsonBundleToAFile() throws IOException {
        String answer = "{\"release\":\"ict-qm@2.1.0\"}";
        cli.answer(answer);
        Path file = dir.resolve("evidence.json");

        int exit = cli.run("ledger", "evidence", "ict-qm@2.1.0", "--format", "json", "--output-file", file.toString(),
                "--token", "demo-bob", "--ledger-url", cli.url());

        assertThat(exit).isZero();
        assertThat(cli.calls().get(0).query()).isEqualTo("format=json");
        assertThat(Files.readString(file)).isEqualTo(answer);
        assertThat(cli.out()).contains("wrote the json evidence of ict-qm@2.1.0 to " + file);
    }

    @Test
    void anUnknownReleaseExitsThreeWithTheServersReason() {
        cli.status(404);
        cli.answer("{\"status\":404,\"detail\":\"release ict-qm@9.9.9 is not registered in the ledger\"}");

        int exit = cli.run("ledger", "evidence", "ict-qm@9.9.9", "--token", "demo-bob", "--ledger-url", cli.url());

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err()).contains("not found: release ict-qm@9.9.9 is not registered in the ledger");
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnyCall() {
        int exit = cli.run("ledger", "evidence", "ict-qm@2.1.0", "--format", "pdf", "--ledger-url", cli.url());

        assertThat(exit).isEqualTo(3);
        assertThat(cli.calls()).isEmpty();
        assertThat(cli.err()).contains("--format must be markdown, json or html");
    }

    @Test
    void helpShowsExamples() {
        cli.run("ledger", "evidence", "--help");

        assertThat(cli.out()).contains("Examples:", "greenlight ledger evidence ict-qm@2.1.0");
    }
}
