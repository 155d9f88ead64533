package dev.greenlight.cli.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CI gate: each verdict maps to the documented exit code, in simulated time. */
class WaitCommandTest {

    /** A clock only the test's pauses move. */
    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Deque<String[]> answers = new ArrayDeque<>(); // {status, body}; the last one repeats
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final SteppingClock clock = new SteppingClock();
    private HttpServer server;
    private int calls;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/releases/ict-qm/2.1.0", exchange -> {
            calls++;
            String[] answer = answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private int waitFor(String... extra) {
        WaitCommand command = new WaitCommand();
        command.clock = clock;
        command.pause = d -> clock.now = clock.now.plus(d);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] base = {"ict-qm@2.1.0", "--stage", "live-25", "--gate-url", "http://localhost:" + server.getAddress().getPort(),
            "--token", "demo-ci", "--timeout", "10m", "--interval", "30s"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cli.execute(args);
    }

    private static String[] decided(String outcome) {
        return new String[] {"200", """
                {"releaseId":"ict-qm@2.1.0","policyStatus":"gated","decisions":[
                  {"stage":"paper","outcome":"GO","criteria":[]},
                  {"stage":"live-25","outcome":"%s","missing":["approval:founder"],"criteria":[
                    {"name":"founder-approval","status":"%s","observed":"0","threshold":"1","reason":"no founder approval"}]}]}
                """.formatted(outcome, "GO".equals(outcome) ? "PASS" : "NO_GO".equals(outcome) ? "FAIL" : "PENDING")};
    }

    @Test
    void holdKeepsWaitingUntilGoThenExitsZero() {
        answers.add(decided("HOLD"));
        answers.add(decided("HOLD"));
        answers.add(decided("GO"));

        assertThat(waitFor()).isEqualTo(WaitCommand.GO);
        assertThat(calls).isEqualTo(3);
        assertThat(out.toString()).contains("HOLD").contains("GO");
    }

    @Test
    void noGoExitsOneAndShowsWhy() {
        answers.add(decided("NO_GO"));

        assertThat(waitFor()).isEqualTo(WaitCommand.NO_GO);
        assertThat(out.toString()).contains("founder-approval").contains("no founder approval");
    }

    @Test
    void aVerdictThatNeverComesTimesOutWithTwo() {
        answers.add(decided("HOLD"));

        assertThat(waitFor()).isEqualTo(WaitCommand.TIMED_OUT);
        assertThat(Duration.between(Instant.parse("2026-11-22T10:00:00Z"), clock.now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(err.toString()).contains("timed out").contains("HOLD");
    }

    @Test
    void aReleaseNotYetKnownIsWaitedFor() {
        answers.add(new String[] {"404", "{\"detail\":\"release ict-qm@2.1.0 is not registered\"}"});
        answers.add(decided("GO"));

        assertThat(waitFor()).isEqualTo(WaitCommand.GO);
    }

    @Test
    void aReleaseNoPolicyGovernsIsAnErrorNotAnEndlessWait() {
        answers.add(new String[] {"200", "{\"policyStatus\":\"no policy\",\"decisions\":[]}"});

        assertThat(waitFor()).isEqualTo(WaitCommand.ERROR);
        assertThat(err.toString()).contains("no policy governs");
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aBadTokenIsAnError() {
        answers.add(new String[] {"401", "{\"detail\":\"unknown bearer token\"}"});

        assertThat(waitFor()).isEqualTo(WaitCommand.ERROR);
        assertThat(err.toString()).contains("GREENLIGHT_TOKEN");
    }

    @Test
    void jsonOutputIsTheDecisionItself() {
        answers.add(decided("GO"));

        waitFor("--output", "json");

        assertThat(out.toString().trim()).startsWith("{").contains("\"stage\":\"live-25\"").contains("\"outcome\":\"GO\"");
    }
}
