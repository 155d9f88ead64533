package dev.greenlight.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.GreenlightCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code greenlight bench --quick} with tiny sizes against the stack it starts itself: every
 * section is in the JSON, measured with positive figures, ceilings and ratios — including two gate
 * instances vs one, for which a second gate-evaluator process joins the stack. Speeds are benchmarks: nothing here asserts how fast anything is.
 */
class BenchCommandSmokeTest {

    private static final List<String> MEASURED = List.of("kafka-ceilings", "http-ingest", "ledger",
            "decision-latency", "hot-target", "kill-switch", "scale-out", "releases-in-flight");

    @Test
    void aQuickRunWritesEverySectionWithPositiveFiguresAndRatios(@TempDir Path out) throws Exception {
        StringWriter printed = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(printed));
        cli.setErr(new PrintWriter(printed));
        int exit = cli.execute("bench", "--quick", "--targets", "20", "--releases", "80", "--burst", "2000",
                "--phase-seconds", "1", "--timeout", "600", "--out", out.toString());

        assertThat(exit).as(printed.toString()).isZero();
        Path json;
        try (Stream<Path> files = Files.list(out)) {
            json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        JsonNode sections = JsonMapper.builder().build().readTree(Files.readString(json)).path("sections");
        for (String name : MEASURED) {
            JsonNode section = sections.path(name);
            assertThat(section.has("skipped")).as(name + ": " + section).isFalse();
            assertThat(section.path("figures").size()).as(name).isPositive();
            for (JsonNode figure : section.path("figures")) {
                assertThat(figure.path("value").asDouble()).as(name + " " + figure).isPositive();
                assertThat(figure.path("ceiling").asDouble()).as(name + " " + figure).isPositive();
                assertThat(figure.path("ratio").asDouble()).as(name + " " + figure).isPositive();
            }
        }
        // Two gate instances vs one: a second gate-evaluator process joined the stack and its figures
        // are ratios against the one-instance figures of the same run.
        List<String> scaleOutCeilings = new java.util.ArrayList<>();
        sections.path("scale-out").path("figures").forEach(f -> scaleOutCeilings.add(f.path("ceilingName").asString()));
        assertThat(scaleOutCeilings).as(sections.path("scale-out").toString()).contains("one instance, same run");
        // The restart was timed, with the wait it was given and why stated for the reader.
        List<String> inFlight = new java.util.ArrayList<>();
        sections.path("releases-in-flight").path("figures").forEach(f -> inFlight.add(f.path("name").asString()));
        assertThat(inFlight).as(sections.path("releases-in-flight").toString()).contains("restart → healthy");
        assertThat(sections.path("releases-in-flight").path("notes").toString()).contains("restart wait: ");
        // ... and where its time went: the broker's start and what Kafka Streams restored from changelogs.
        assertThat(sections.path("releases-in-flight").path("notes").toString())
                .contains("restart: broker up after").contains("changelog records");
        // ... component by component, each against its own empty start: which one the restart waited for.
        assertThat(inFlight).as(sections.path("releases-in-flight").toString()).contains("restart → broker up",
                "restart → schema registry health UP", "restart → gate-evaluator health UP",
                "restart → audit-ledger health UP", "restart → audit-ledger writer resumed");
        assertThat(sections.path("releases-in-flight").path("notes").toString()).contains("Ledger resumed at");
        assertThat(printed.toString()).contains("| section | figure | value | ceiling (same run) | ratio |");
    }
}
