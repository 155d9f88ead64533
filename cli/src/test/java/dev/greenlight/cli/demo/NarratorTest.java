package dev.greenlight.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** One numbered line per step, stamped with real elapsed time; colour only where asked for. */
class NarratorTest {

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter text = new StringWriter();

    @Test
    void numbersStepsAndStampsThemWithTheRealTimeElapsed() {
        Narrator narrator = new Narrator(new PrintWriter(text), Ansi.OFF, nanos::get);

        narrator.step("CI registers @|bold rl-policy-demo-x@1.0.0|@.");
        nanos.addAndGet(Duration.ofSeconds(83).toNanos());
        narrator.skip("48 h");
        narrator.step("gate @|green,bold GO|@ for live-10.");

        assertThat(text.toString().lines()).containsExactly(
                "[0:00]  1. CI registers rl-policy-demo-x@1.0.0.",
                "[1:23]     >> skipping ahead 48 h",
                "[1:23]  2. gate GO for live-10.");
        assertThat(narrator.steps()).isEqualTo(2);
        assertThat(narrator.elapsed()).isEqualTo(Duration.ofSeconds(83));
    }

    @Test
    void colouredOnlyOnATerminal() {
        new Narrator(new PrintWriter(text), Ansi.OFF, nanos::get).step("gate @|green,bold GO|@");
        assertThat(text.toString()).doesNotContain("\u001B[");

        StringWriter coloured = new StringWriter();
        new Narrator(new PrintWriter(coloured), Ansi.ON, nanos::get).step("gate @|green,bold GO|@");
        assertThat(coloured.toString()).contains("\u001B[").contains("GO");
    }
}
