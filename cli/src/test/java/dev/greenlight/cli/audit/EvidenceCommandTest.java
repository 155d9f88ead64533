package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.cli.GreenlightCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight ledger evidence} against a stand-in audit-ledger: it asks the evidence endpoint
 * for the release in the chosen format with the caller's token, and prints or saves the answer.
 */
class EvidenceCommandTest {

    record Call(String path, String query, String authorization) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "# Release evidence: ict-qm@2.1.0\n";

    @TempDir
    Path dir;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Test
    void printsTheMarkdownReportOfTheReleaseByDefault() {
        int exit = run("ledger", "evidence", "ict-qm@2.1.0", "--token", "demo-bob", "--ledger-url", url());

        assertThat(exit).isZero();
        assertThat(calls).containsExactly(new Call("/api/v1/ledger/releases/ict-qm/2.1.0/evidence", "format=markdown",
                "Bearer demo-bob"));
        assertThat(out.toString()).isEqualTo("# Release evidence: ict-qm@2.1.0\n");
    }

    @Test
    void writesTheJsonBundleToAFile() throws IOException {
        answer = "{\"release\":\"ict-qm@2.1.0\"}";
        Path file = dir.resolve("evidence.json");

        int exit = run("ledger", "evidence", "ict-qm@2.1.0", "--format", "json", "--output-file", file.toString(),
                "--token", "demo-bob", "--ledger-url", url());

        assertThat(exit).isZero();
        assertThat(calls.get(0).query()).isEqualTo("format=json");
        assertThat(Files.readString(file)).isEqualTo(answer);
        assertThat(out.toString()).contains("wrote the json evidence of ict-qm@2.1.0 to " + file);
    }

    @Test
    void anUnknownReleaseExitsThreeWithTheServersReason() {
        status = 404;
        answer = "{\"status\":404,\"detail\":\"release ict-qm@9.9.9 is not registered in the ledger\"}";

        int exit = run("ledger", "evidence", "ict-qm@9.9.9", "--token", "demo-bob", "--ledger-url", url());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("not found: release ict-qm@9.9.9 is not registered in the ledger");
    }

    @Test
    void anUnknownFormatIsRefusedBeforeAnyCall() {
        int exit = run("ledger", "evidence", "ict-qm@2.1.0", "--format", "pdf", "--ledger-url", url());

        assertThat(exit).isEqualTo(3);
        assertThat(calls).isEmpty();
        assertThat(err.toString()).contains("--format must be markdown, json or html");
    }

    @Test
    void helpShowsExamples() {
        run("ledger", "evidence", "--help");

        assertThat(out.toString()).contains("Examples:", "greenlight ledger evidence ict-qm@2.1.0");
    }
}
