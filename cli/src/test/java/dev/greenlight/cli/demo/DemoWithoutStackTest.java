package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Without a running stack the demo says how to start one, and exits 3 before touching anything. */
class DemoWithoutStackTest {

    @Test
    void exits3AndSaysToStartTheStack() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("demo", "--control-url", "http://localhost:" + closedPort + "/clock",
                "--check-ingest-url", "http://localhost:" + closedPort);

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("start it with ./greenlight up").contains(String.valueOf(closedPort));
        assertThat(out.toString()).doesNotContain("registers");
    }

    @Test
    void helpSaysItActsAsTheDemoUsers() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));

        assertThat(cli.execute("demo", "--help")).isZero();

        assertThat(out.toString()).contains("--day-seconds").contains("--control-url").contains("--bootstrap-servers")
                .contains("demo users").contains("--token");
    }
}
