package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code greenlight demo} against a whole local stack, as a newcomer runs it after
 * {@code ./greenlight up}: the scenario must run to its end and show every act of the runbook.
 * How long it took is printed, not asserted (the machine is shared).
 */
class DemoCommandTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path dataDir;

    static LocalStack stack;

    @BeforeAll
    static void startStack() {
        stack = new LocalStack(StackConfig.withFreePorts(dataDir)).start(START_TIMEOUT);
        stack.waitUntilHealthy(START_TIMEOUT);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDemoWalksAReleaseThroughGoRampKillAndAVerifiedReplayedLedger() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Instant simulatedBefore = stack.clock().instant();

        long started = System.nanoTime();
        int exit = cli.execute("demo", "--control-url", stack.clockUrl(),
                "--check-ingest-url", stack.serviceUrl(StackService.CHECK_INGEST),
                "--approval-url", stack.serviceUrl(StackService.APPROVAL),
                "--gate-url", stack.serviceUrl(StackService.GATE_EVALUATOR),
                "--rollout-url", stack.serviceUrl(StackService.ROLLOUT_CONTROLLER),
                "--ledger-url", stack.serviceUrl(StackService.AUDIT_LEDGER),
                "--bootstrap-servers", stack.bootstrapServers(), "--registry-url", stack.registryUrl(),
                "--kafka-credentials", stack.kafkaCredentials().file().toString(),
                // Generous for a loaded CI machine; on a laptop every step takes seconds.
                "--step-timeout", "120");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String narration = out.toString();
        System.out.println(narration);
        System.out.println("greenlight demo took " + took.toMillis() + " ms of real time");
        assertThat(exit).as(narration + err).isZero();
        assertThat(narration)
                .contains("GO for shadow")
                .contains("GO for live-10")
                .contains("stage live-10: GO")
                .contains("Rollout ramps to 10 %")
                .contains("-> 10%")
                .contains("rollback to 0 %")
                .containsPattern("-> 0%  .*kill")
                .containsPattern("verifies the ledger: OK  \\d+ entries")
                .containsPattern("reproduced (\\d+) of \\1")
                .contains("Clock rate back to 1")
                .containsPattern("Done: .* of simulated time in \\d+:\\d\\d of real time");
        // The stack keeps the simulated days that passed, at real speed again.
        assertThat(stack.clock().rate()).isEqualTo(1);
        assertThat(Duration.between(simulatedBefore, stack.clock().instant())).isGreaterThan(Duration.ofHours(96));
    }
}
