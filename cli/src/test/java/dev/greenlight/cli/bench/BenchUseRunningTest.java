package dev.greenlight.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.e2e.WholeStack;
import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.StackService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code greenlight bench --use-running} against the stack the end-to-end suites share: it finds the
 * services through the same options every API command uses, logs in to Kafka as the stack's super
 * user from its credentials file, and stamps evidence with the stack's clock — which the suites
 * move days ahead of this machine, so samples stamped with the wall clock would fall outside every
 * window. Tiny sizes: this proves the wiring, not a speed.
 */
@ExtendWith(WholeStack.class)
class BenchUseRunningTest {

    @Test
    void measuresTheRunningStackWithItsOwnClockAndLogin(@TempDir Path out) throws Exception {
        LocalStack stack = WholeStack.stack();
        WholeStack.advance(Duration.ofDays(2)); // the stack's now is no longer this machine's
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));

        int exit = cli.execute("bench", "--quick", "--use-running", "--targets", "5", "--releases", "10",
                "--burst", "200", "--phase-seconds", "1", "--out", out.toString(),
                "--check-ingest-url", stack.serviceUrl(StackService.CHECK_INGEST),
                "--approval-url", stack.serviceUrl(StackService.APPROVAL),
                "--gate-url", stack.serviceUrl(StackService.GATE_EVALUATOR),
                "--rollout-url", stack.serviceUrl(StackService.ROLLOUT_CONTROLLER),
                "--ledger-url", stack.serviceUrl(StackService.AUDIT_LEDGER),
                "--registry-url", stack.registryUrl(), "--bootstrap-servers", stack.bootstrapServers(),
                "--clock-url", stack.clockUrl(),
                "--kafka-user", KafkaCredentials.ADMIN,
                "--kafka-credentials", stack.kafkaCredentials().file().toString());

        assertThat(exit).as(printed.toString()).isZero();
        Path json;
        try (Stream<Path> files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode report = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(report.path("mode").asString()).isEqualTo("running");
        JsonNode sections = report.path("sections");
        for (String name : List.of("kafka-ceilings", "http-ingest", "decision-latency")) {
            assertThat(sections.path(name).has("skipped")).as(name + ": " + sections.path(name)).isFalse();
            assertThat(sections.path(name).path("figures").size()).as(name).isPositive();
        }
        // The run stamped evidence with the stack's time, two days ahead of this machine's.
        assertThat(Instant.parse(report.path("machine").path("stackTimeAtStart").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(1)));
        assertThat(sections.path("releases-in-flight").path("notes").toString()).contains("--use-running");
    }
}
