package dev.greenlight.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;
import picocli.CommandLine.Help.Ansi;

/**
 * The demo's voice: one numbered line per step, stamped with the real time elapsed since the
 * start, so a newcomer can follow the runbook and see how little real time it all took. Lines are
 * written in picocli markup; {@code ansi} decides whether that becomes colour (a terminal) or
 * plain text (a pipe, a log, a test).
 */
final class Narrator {

    private final PrintWriter out;
    private final Ansi ansi;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private int steps;

    Narrator(PrintWriter out, Ansi ansi, LongSupplier nanoTime) {
        this.out = out;
        this.ansi = ansi;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** A heading line, unnumbered. */
    void title(String markup) {
        print(ansi.string("@|bold " + markup + "|@"));
    }

    /** What happens now and why: the numbered line of a step. */
    void step(String markup) {
        steps++;
        print(ansi.string(String.format("@|faint [%s]|@ @|bold %2d.|@ ", clock(elapsed()), steps) + markup));
    }

    /** A jump of simulated time, called out so nobody mistakes it for real waiting. */
    void skip(String markup) {
        print(ansi.string(String.format("@|faint [%s]|@     @|magenta >> skipping ahead|@ ", clock(elapsed()))
                + markup));
    }

    /** Supporting detail under a step (what a service answered, what the deployer received). */
    void detail(String markup) {
        print(ansi.string("            " + markup));
    }

    /** Something rendered elsewhere (the status table), passed through as is. */
    void block(String text) {
        out.print(text);
        out.flush();
    }

    /** Real time since the narration started. */
    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    int steps() {
        return steps;
    }

    /** {@code m:ss}, the way people read a stopwatch. */
    static String clock(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
