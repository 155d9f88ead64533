package dev.greenlight.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two gate instances vs one, in the same run: the evidence → decision saturation and a fixed
 * open-loop rate are measured with the stack's one gate-evaluator, then again after a second
 * instance ({@link GateInstanceProcess}, same application id, another process and port) joined and
 * the partitions were split between the two. Each two-instance figure is shown against the
 * one-instance figure measured minutes earlier; the latencies at the same offered rate (half of
 * what one instance sustained), so the ratio compares like with like.
 *
 * <p>On a machine whose cores are already shared by the broker, the stack and the load generator,
 * a second instance adds a JVM, not cores: a ratio near or below 1 there says the gate was not the
 * bottleneck, not that it does not scale (docs/performance.md).
 */
final class ScaleOutBench {

    private static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * The gate's {@code probing.rebalance.interval.ms} (gate-evaluator.yml). A second instance whose
     * state is more than {@code acceptable.recovery.lag} behind (at full size it always is) gets only
     * warm-up copies until it has restored, and active tasks at the next probing rebalance: waiting
     * the start timeout plus two intervals leaves one interval for the restore and one for the probe.
     */
    static final Duration PROBING_INTERVAL = Duration.ofSeconds(60);

    private final BenchStack stack;
    private final DecisionBench decisions;

    ScaleOutBench(BenchStack stack, DecisionBench decisions) {
        this.stack = stack;
        this.decisions = decisions;
    }

    Section measure(KafkaCeilings.Result raw, Duration timeout) throws Exception {
        if (!stack.embedded()) {
            return Section.skipped("scale-out", "Two gate instances vs one", "needs a stack the bench started itself"
                    + " (the second instance logs in with that stack's credentials and reads its clock)");
        }
        List<String> notes = new ArrayList<>();
        DecisionBench.Saturation one = decisions.saturate(notes, "one instance, saturation");
        double rate = one.sustained() * 0.5;
        Latencies oneLatency = decisions.openLoop(rate, notes, "one instance at " + BenchReport.number(rate) + "/s");

        DecisionBench.Saturation two;
        Latencies twoLatency;
        long start = System.nanoTime();
        try (GateInstanceProcess second = GateInstanceProcess.start(stack, stack.workDir().orElseThrow(), timeout)) {
            Duration wait = timeout.plus(PROBING_INTERVAL.multipliedBy(2));
            Optional<String> owned = second.awaitActive(wait, SETTLE);
            notes.add(owned.map(partitions -> String.format(Locale.ROOT,
                            "second instance started and owned partitions %s after %.1f s", partitions,
                            (System.nanoTime() - start) / 1e9))
                    .orElse("second instance owned no partition within " + wait.toSeconds()
                            + " s (measured anyway: the figures are then one instance's)"));
            notes.add("waited at most " + wait.toSeconds() + " s for it: --timeout plus two probing intervals ("
                    + PROBING_INTERVAL.toSeconds() + " s each), since a new instance more than 10,000 changelog"
                    + " records behind gets active tasks only at the first probing rebalance after it restored"
                    + " (docs/operations.md, \"Running N instances\")");
            two = decisions.saturate(notes, "two instances, saturation");
            twoLatency = decisions.openLoop(rate, notes, "two instances at " + BenchReport.number(rate) + "/s");
        }
        notes.add("the second instance was stopped afterwards; the stack's instance took its partitions back");

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("one instance: highest sustained rate", one.sustained(), "releases/s",
                raw.producerPerSecond(), "raw producer rec/s"));
        figures.add(new Figure("two instances: highest sustained rate", two.sustained(), "releases/s",
                one.sustained(), "one instance, same run"));
        if (oneLatency.count() > 0 && twoLatency.count() > 0) {
            for (double p : new double[] {50, 99, 99.9}) {
                String name = "p" + (p == Math.floor(p) ? String.valueOf((int) p) : String.valueOf(p));
                figures.add(new Figure("two instances at " + BenchReport.number(rate) + "/s " + name,
                        twoLatency.percentileMillis(p), "ms", oneLatency.percentileMillis(p), "one instance " + name));
            }
        }
        return Section.measured("scale-out", "Two gate instances vs one", figures, notes);
    }
}
