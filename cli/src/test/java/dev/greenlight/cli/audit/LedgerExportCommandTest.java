package dev.greenlight.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.cli.GreenlightCli;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight ledger export} against a stand-in audit-ledger that streams its answer in chunks
 * (no length known up front, as the service streams a whole ledger): the file or standard output
 * gets every byte, the line count is the export's, and a refusal writes no file.
 */
class LedgerExportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private volatile int status = 200;
    private volatile String query;
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
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/ledger/export", exchange -> {
            query = exchange.getRequestURI().getRawQuery();
            byte[] bytes = status == 200 ? export.getBytes(StandardCharsets.UTF_8)
                    : "{\"detail\":\"auditor role needed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, 0); // chunked
            try (OutputStream body = exchange.getResponseBody()) {
                for (int from = 0; from < bytes.length; from += 8_192) {
                    body.write(bytes, from, Math.min(8_192, bytes.length - from));
                    body.flush();
                }
            }
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
    void writesEveryByteOfAStreamedExportToTheFileAndCountsItsLines() throws IOException {
        Path file = dir.resolve("ledger.jsonl");

        int exit = run("ledger", "export", "--release", "ict-qm", "--file", file.toString(), "--token", "demo-bob",
                "--ledger-url", url());

        assertThat(exit).isZero();
        assertThat(query).isEqualTo("release=ict-qm");
        assertThat(Files.readString(file)).isEqualTo(export);
        assertThat(out.toString()).isEqualTo("wrote 20001 lines to " + file + System.lineSeparator());
    }

    @Test
    void printsTheExportToStandardOutputWithoutAFile() {
        int exit = run("ledger", "export", "--token", "demo-bob", "--ledger-url", url());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(export);
    }

    @Test
    void aRefusedExportWritesNoFileAndSaysWhy() {
        status = 403;
        Path file = dir.resolve("refused.jsonl");

        int exit = run("ledger", "export", "--file", file.toString(), "--token", "demo-carol", "--ledger-url", url());

        assertThat(exit).isNotZero();
        assertThat(file).doesNotExist();
        assertThat(err.toString()).contains("not permitted").contains("auditor role needed");
    }
}
