package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackService;
import dev.greenlight.platform.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;

/**
 * Many releases in flight: registers releases until {@code releases} exist, waits for their first
 * decisions, then reports heap, resident memory and the gate's state-store size, and restarts the
 * stack (a stack the benchmark started itself) to time the restore. Each figure is shown next to
 * what bounds it in the same run: the heap limit, the machine's memory, the releases topic the
 * store is built from, and the time the same stack took to start empty.
 */
final class InFlightBench {

    private final BenchStack stack;
    private final BenchHttp http;
    private final DecisionBench decisions;

    InFlightBench(BenchStack stack, BenchHttp http, DecisionBench decisions) {
        this.stack = stack;
        this.http = http;
        this.decisions = decisions;
    }

    /**
     * @param restartTimeout the wait for the restart (stack healthy, then the last release queryable);
     *                       by default the start timeout plus one second per MB of the gate's state
     *                       stores, since the restarted stack restores them (and the broker recovers
     *                       the logs that hold them) before it is healthy
     */
    Section measure(BenchOptions options, Duration startTimeout, Optional<Duration> restartTimeout) throws Exception {
        List<String> notes = new ArrayList<>();
        long first = decisions.registered();
        long missing = Math.max(0, options.releases() - first);
        List<String> keys = new ArrayList<>();
        if (missing > 0) {
            AtomicLong next = new AtomicLong(first);
            Load.Run run = Load.open(Double.MAX_VALUE, missing, options.clients(), (i, due) -> {
                String key = decisions.register(next.getAndIncrement(), due);
                synchronized (keys) {
                    keys.add(key);
                }
            });
            notes.add(String.format(Locale.ROOT, "registered %,d more releases at %,.0f/s (%d failed)", run.sent(),
                    run.perSecond(), run.failed()));
            decisions.awaitDecided(keys, notes, "in-flight releases");
        }
        long inFlight = decisions.registered();
        String lastKey = decisions.lastKey();
        notes.add(String.format(Locale.ROOT, "%,d releases in flight over %,d targets", inFlight, options.targets()));

        List<Figure> figures = new ArrayList<>();
        Optional<StackProcess> process = stack.process();
        if (process.isPresent()) {
            process.get().heapAfterGcMb().ifPresentOrElse(
                    heapMb -> figures.add(new Figure("heap after GC (whole stack, one JVM)", heapMb, "MB",
                            Runtime.getRuntime().maxMemory() / 1e6, "heap limit")),
                    () -> notes.add("heap after GC not measured: no jcmd in this Java (a JRE?)"));
            process.get().rssMb().ifPresent(rss -> figures.add(new Figure("resident memory (whole stack)", rss, "MB",
                    physicalMemoryMb(), "machine memory")));
            notes.add("heap and RSS are the stack's own JVM (broker, registry and all five services), a child"
                    + " process of the benchmark, so the load generator is not counted");
        } else {
            notes.add("--use-running: heap and RSS are the running processes' own; not measured from here");
        }
        Optional<Path> store = stack.gateStateDir();
        double storeMb = 0;
        if (store.isPresent()) {
            storeMb = size(store.get()) / 1e6;
            double topicMb = releasesTopicBytes() / 1e6;
            figures.add(new Figure("gate-evaluator state stores on disk", storeMb, "MB", Math.max(topicMb, 0.001),
                    "releases topic on disk"));
        } else {
            notes.add("the gate's state directory is not on this machine's known data directory: store size not measured");
        }
        if (stack.embedded() && lastKey != null) {
            Duration fresh = stack.freshStart().orElseThrow();
            decisions.close(); // its consumer would only log the broker's absence during the restart
            Duration wait = restartTimeout.orElse(startTimeout.plusSeconds((long) Math.ceil(storeMb)));
            notes.add(restartTimeout.isPresent() ? "restart wait: " + wait.toSeconds() + " s (--restart-timeout)"
                    : String.format(Locale.ROOT, "restart wait: %d s = --timeout (%d s) plus one second per MB of the"
                            + " gate's state stores (%.0f MB): the restarted stack restores that state before it is"
                            + " healthy, slowly on a loaded machine; --restart-timeout sets it", wait.toSeconds(),
                            startTimeout.toSeconds(), storeMb));
            Optional<StackProcess> empty = stack.process();
            Optional<Duration> emptyBrokerUp = empty.flatMap(StackProcess::brokerUpAfter);
            long start = System.nanoTime();
            try {
                Duration healthy = stack.restart(wait);
                stack.process().ifPresent(restarted -> notes.add(restartParts(restarted, emptyBrokerUp)));
                stack.process().ifPresent(restarted -> figures.addAll(perComponent(restarted, empty, notes)));
                String[] release = lastKey.split("@");
                awaitQueryable(release[0], release[1], wait);
                double restore = (System.nanoTime() - start) / 1e9;
                notes.add("restart = the stack's JVM stopped and a new one started on the same data (state"
                        + " directories and changelogs), like a redeploy");
                figures.add(new Figure("restart → healthy", healthy.toMillis() / 1000.0, "s",
                        fresh.toMillis() / 1000.0, "empty stack start"));
                figures.add(new Figure("restart → last release queryable", restore, "s", fresh.toMillis() / 1000.0,
                        "empty stack start"));
            } catch (RuntimeException e) {
                notes.add("the restart failed, so no restore time: " + e.getMessage());
            } finally {
                stack.lastStop().ifPresent(stop -> notes.add("the stack before the restart: " + stop));
            }
        } else {
            notes.add("restore time needs a stack the benchmark started itself (not --use-running)");
        }
        return Section.measured("releases-in-flight", "Releases in flight", figures, notes);
    }

    /**
     * Where the restart's time went, from the new stack process's log: when its broker was up (against
     * the empty start's), and how many records Kafka Streams restored from changelogs, which is zero
     * when every service was closed cleanly before (docs/performance.md, "Restart after a clean stop").
     */
    private static String restartParts(StackProcess restarted, Optional<Duration> emptyBrokerUp) {
        return String.format(Locale.ROOT, "restart: broker up after %s (empty start: %s); Kafka Streams restored %,d"
                        + " changelog records (0 when the services closed cleanly: the stores resume from their checkpoints)",
                restarted.brokerUpAfter().map(InFlightBench::seconds).orElse("?"),
                emptyBrokerUp.map(InFlightBench::seconds).orElse("?"), restarted.restoredRecords());
    }

    /**
     * The restart component by component, each against the same component's time at the empty start
     * of the same run: the broker up, every component's first health UP, and the audit ledger writer
     * resuming (it rebuilds its state in the background after its service is UP).
     */
    private static List<Figure> perComponent(StackProcess restarted, Optional<StackProcess> empty, List<String> notes) {
        List<Figure> figures = new ArrayList<>();
        Optional<Duration> emptyBroker = empty.flatMap(StackProcess::brokerUpAfter);
        restarted.brokerUpAfter().ifPresent(up -> emptyBroker.ifPresent(before -> figures.add(
                new Figure("restart → broker up", seconds(up.toMillis()), "s", seconds(before.toMillis()), "empty start"))));
        Map<String, Duration> emptyHealthy = empty.map(StackProcess::healthyAfter).orElse(Map.of());
        restarted.healthyAfter().forEach((component, up) -> {
            Duration before = emptyHealthy.get(component);
            if (before != null) {
                figures.add(new Figure("restart → " + component + " health UP", seconds(up.toMillis()), "s",
                        seconds(before.toMillis()), "empty start"));
            }
        });
        Optional<StackProcess.Resumed> emptyLedger = empty.flatMap(StackProcess::ledgerResumed);
        restarted.ledgerResumed().ifPresentOrElse(resumed -> {
            emptyLedger.ifPresent(before -> figures.add(new Figure("restart → audit-ledger writer resumed",
                    seconds(resumed.after().toMillis()), "s", seconds(before.after().toMillis()), "empty start")));
            notes.add("restart: the audit ledger's writer logged \"" + resumed.message() + "\" "
                    + seconds(resumed.after()) + " after the process started");
        }, () -> notes.add("restart: no \"Ledger resumed\" line in the stack's log (writer not resumed, or its log level)"));
        return figures;
    }

    /** Seconds, never below a millisecond: a figure's ceiling must be positive. */
    private static double seconds(long millis) {
        return Math.max(millis, 1) / 1000.0;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private void awaitQueryable(String target, String version, Duration atMost) {
        String url = stack.url(StackService.GATE_EVALUATOR) + "/api/v1/releases/" + target + "/" + version;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.get(url, "bob").status() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException(target + "@" + version + " not queryable within " + atMost.toSeconds() + " s of the restart");
    }

    private long releasesTopicBytes() throws Exception {
        try (Admin admin = Admin.create(stack.superUser())) {
            Collection<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(node -> node.id()).toList();
            long bytes = 0;
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                    .get(30, TimeUnit.SECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<org.apache.kafka.common.TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        if (replica.getKey().topic().equals(Topics.RELEASES.name())) {
                            bytes += replica.getValue().size();
                        }
                    }
                }
            }
            return bytes;
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // a file RocksDB removed meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double physicalMemoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / 1e6;
    }
}
