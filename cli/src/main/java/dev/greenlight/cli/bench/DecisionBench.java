package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.events.GateDecided;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Evidence → decision: a release registered through {@code POST /api/v1/releases} until its first
 * {@code GateDecided} is visible to a {@code read_committed} consumer, over many targets. First the
 * highest rate the gate sustains (32 clients back to back; the lower of the accepted and the
 * decided rate), then open-loop runs at 10 %, 50 % and 90 % of it, then 50 % again while one hot
 * target receives a burst of metric samples in batches, which must not delay the other targets.
 */
final class DecisionBench implements AutoCloseable {

    private static final int BURST_BATCH = 1000;
    private static final int BURST_CLIENTS = 4;

    private final BenchStack stack;
    private final BenchHttp http;
    private final String runId;
    private final BenchOptions options;
    private final Map<String, Long> due = new ConcurrentHashMap<>();
    private final Map<String, Long> decided = new ConcurrentHashMap<>();
    private final AtomicLong releases = new AtomicLong();
    private final TopicWatcher<GateDecided> watcher;
    private boolean closed;
    private volatile String lastKey;

    DecisionBench(BenchStack stack, BenchHttp http, String runId, BenchOptions options) {
        this.stack = stack;
        this.http = http;
        this.runId = runId;
        this.options = options;
        this.watcher = new TopicWatcher<>(stack.superUser(), stack.registryUrl(), Topics.DECISIONS,
                (decision, seen) -> decided.putIfAbsent(decision.getTarget() + "@" + decision.getVersion(), seen));
    }

    /** The {@code target@version} last registered, or null. */
    String lastKey() {
        return lastKey;
    }

    /** Releases registered so far by this benchmark (they stay in flight). */
    long registered() {
        return releases.get();
    }

    private String releasesUrl() {
        return stack.url(StackService.CHECK_INGEST) + "/api/v1/releases";
    }

    /** Registers release number {@code n} (spread over the targets); the key it will be decided under. */
    String register(long n, long dueNanos) {
        String target = "bench-" + runId + "-t" + (n % options.targets());
        String version = "1.0." + n;
        String key = target + "@" + version;
        due.put(key, dueNanos);
        http.postOk(releasesUrl(), "ci", Evidence.release(target, version, "STRATEGY", n));
        releases.incrementAndGet();
        lastKey = key;
        return key;
    }

    /** Waits until every key is decided (or the drain time passes); the latencies of those decided. */
    Latencies awaitDecided(List<String> keys, List<String> notes, String label) {
        long deadline = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < deadline && !keys.stream().allMatch(decided::containsKey)) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        long[] nanos = keys.stream().filter(decided::containsKey).mapToLong(k -> decided.get(k) - due.get(k)).toArray();
        long missing = keys.size() - nanos.length;
        if (missing > 0) {
            notes.add(label + ": " + missing + " of " + keys.size() + " releases not decided within "
                    + options.drain().toSeconds() + " s (left out of the percentiles)");
        }
        return Latencies.of(nanos);
    }

    private List<String> keysFrom(long first, long last) {
        List<String> keys = new ArrayList<>();
        for (long n = first; n < last; n++) {
            String key = "bench-" + runId + "-t" + (n % options.targets()) + "@1.0." + n;
            if (due.containsKey(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * @param sections where the latency and the hot-target sections go
     * @return the sustained rate, releases/s
     */
    double measure(KafkaCeilings.Result raw, List<Section> sections) throws Exception {
        List<String> notes = new ArrayList<>();
        double sustained = saturate(notes, "saturation").sustained();

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("highest sustained rate (registration → decision)", sustained, "releases/s",
                raw.producerPerSecond(), "raw producer rec/s"));
        Latencies atHalf = null;
        for (int percent : new int[] {10, 50, 90}) {
            double rate = sustained * percent / 100;
            Latencies latencies = openLoop(rate, notes, percent + " %");
            if (percent == 50) {
                atHalf = latencies;
            }
            addPercentiles(figures, "at " + percent + " % (" + BenchReport.number(rate) + "/s)", latencies, raw);
        }
        notes.add(options.targets() + " targets; a release's first GateDecided, read_committed; latency from when the "
                + "registration was due (open loop)");
        sections.add(Section.measured("decision-latency", "Evidence → decision", figures, notes));
        sections.add(hotTarget(sustained * 0.5, atHalf, raw));
        return sustained;
    }

    /** The highest rate the gate sustains now, as accepted and as decided. */
    record Saturation(double accepted, double decided) {

        /** The lower of the two (at least 1/s, so it can serve as a rate and a ceiling). */
        double sustained() {
            return Math.max(1, Math.min(accepted, decided));
        }
    }

    /**
     * Saturation: {@code clients} register back to back for one phase; the accepted rate, and the
     * decided rate counted until the last of those decisions was visible (decisions lag registrations
     * under saturation). Adds a note under {@code label}.
     */
    Saturation saturate(List<String> notes, String label) throws InterruptedException {
        long first = releases.get();
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong(first);
        Load.Run saturated = Load.closed(options.clients(), options.phase(),
                (i, dueNanos) -> register(next.getAndIncrement(), dueNanos));
        List<String> satKeys = keysFrom(first, next.get());
        awaitDecided(satKeys, notes, label);
        long lastDecided = satKeys.stream().filter(decided::containsKey).mapToLong(decided::get).max().orElse(start);
        long decidedCount = satKeys.stream().filter(decided::containsKey).count();
        Saturation result = new Saturation(saturated.perSecond(),
                decidedCount / Math.max((lastDecided - start) / 1e9, saturated.seconds()));
        notes.add(String.format(Locale.ROOT, "%s (%d clients, %.0f s): %,.0f registrations/s accepted, "
                        + "%,.0f decisions/s until the last was visible; sustained = the lower", label, options.clients(),
                saturated.seconds(), result.accepted(), result.decided()));
        return result;
    }

    /** Registrations at {@code rate} on a fixed schedule for one phase (open loop); their latencies. */
    Latencies openLoop(double rate, List<String> notes, String label) throws InterruptedException {
        long first = releases.get();
        long count = Math.max(10, (long) (rate * options.phase().toSeconds()));
        AtomicLong next = new AtomicLong(first);
        Load.Run run = Load.open(rate, count, options.clients(), (i, dueNanos) -> register(first + i, dueNanos));
        next.set(first + count);
        if (run.failed() > 0) {
            notes.add(label + ": " + run.failed() + " registrations failed");
        }
        return awaitDecided(keysFrom(first, first + count), notes, label);
    }

    private static void addPercentiles(List<Figure> figures, String label, Latencies latencies, KafkaCeilings.Result raw) {
        if (latencies.count() == 0) {
            return; // nothing decided in time: the notes say so
        }
        figures.add(new Figure(label + " p50", latencies.percentileMillis(50), "ms",
                raw.latency().percentileMillis(50), "raw p50"));
        figures.add(new Figure(label + " p99", latencies.percentileMillis(99), "ms",
                raw.latency().percentileMillis(99), "raw p99"));
        figures.add(new Figure(label + " p99.9", latencies.percentileMillis(99.9), "ms",
                raw.latency().percentileMillis(99.9), "raw p99.9"));
    }

    /**
     * One target gets {@code burstSamples} metric samples in batches of 1000 from four connections
     * while the other targets are measured at half the sustained rate; afterwards a new release of
     * the hot target shows how long its own backlog took.
     */
    private Section hotTarget(double rate, Latencies calm, KafkaCeilings.Result raw) throws Exception {
        List<String> notes = new ArrayList<>();
        String hot = "bench-" + runId + "-hot";
        long n = releases.getAndIncrement();
        String firstKey = hot + "@1.0.0";
        due.put(firstKey, System.nanoTime());
        http.postOk(releasesUrl(), "ci", Evidence.release(hot, "1.0.0", "STRATEGY", n));
        awaitDecided(List.of(firstKey), notes, "hot target's first release");

        ExecutorService burstPool = Executors.newFixedThreadPool(BURST_CLIENTS);
        AtomicLong sent = new AtomicLong();
        AtomicLong burstEnd = new AtomicLong();
        long burstStart = System.nanoTime();
        List<Future<?>> burst = new ArrayList<>();
        for (int c = 0; c < BURST_CLIENTS; c++) {
            burst.add(burstPool.submit(() -> {
                for (long from = sent.getAndAdd(BURST_BATCH); from < options.burstSamples(); from = sent.getAndAdd(BURST_BATCH)) {
                    int size = (int) Math.min(BURST_BATCH, options.burstSamples() - from);
                    http.postOk(stack.url(StackService.CHECK_INGEST) + "/api/v1/metrics", "ci",
                            Evidence.metricBatch(hot, from, size, stack.clock().instant()));
                }
                burstEnd.accumulateAndGet(System.nanoTime(), Math::max);
                return null;
            }));
        }
        Latencies during = openLoop(rate, notes, "others during the burst");
        for (Future<?> each : burst) {
            each.get();
        }
        double burstSeconds = (burstEnd.get() - burstStart) / 1e9;
        burstPool.shutdown();
        // The hot target's own next decision waits for its backlog: how long the burst takes to absorb.
        String afterKey = hot + "@1.0.1";
        due.put(afterKey, System.nanoTime());
        http.postOk(releasesUrl(), "ci", Evidence.release(hot, "1.0.1", "STRATEGY", releases.getAndIncrement()));
        Latencies hotAfter = awaitDecided(List.of(afterKey), notes, "hot target after the burst");

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("burst accepted (" + options.burstSamples() + " samples, batches of " + BURST_BATCH + ")",
                options.burstSamples() / burstSeconds, "samples/s", raw.producerPerSecond(), "raw producer rec/s"));
        boolean comparable = during.count() > 0 && calm != null && calm.count() > 0;
        for (double p : comparable ? new double[] {50, 99, 99.9} : new double[0]) {
            figures.add(new Figure("other targets during the burst p" + (p == Math.floor(p) ? String.valueOf((int) p) : String.valueOf(p)),
                    during.percentileMillis(p), "ms", calm.percentileMillis(p), "same rate without burst"));
        }
        if (hotAfter.count() > 0 && calm != null && calm.count() > 0) {
            figures.add(new Figure("hot target's next release decided after", hotAfter.percentileMillis(100), "ms",
                    calm.percentileMillis(50), "others' p50 without burst"));
        }
        notes.add(String.format(Locale.ROOT, "others at %.0f releases/s; the burst took %.1f s to post", rate, burstSeconds));
        return Section.measured("hot-target", "Hot-target burst", figures, notes);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (!closed) {
            closed = true;
            watcher.close();
        }
    }
}
