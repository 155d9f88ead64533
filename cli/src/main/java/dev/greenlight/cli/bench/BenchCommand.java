package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.deploy.KafkaLoginOptions;
import dev.greenlight.cli.stack.StackTimeOptions;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight bench}: one benchmark harness for the figures of issue #13, every figure
 * measured in the same run as the ceiling it is judged against (the raw broker, the bare SHA-256
 * rate, the empty stack's start) and shown as a ratio, because absolute numbers from a shared
 * machine mean little. Starts its own stack on free ports in a temporary directory, or measures
 * one already running ({@code --use-running}). Prints a table and writes the JSON under
 * {@code bench/results/}. Speeds are reported, never asserted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = GateInstanceCommand.class,
        description = "Measure Greenlight against its ceilings (raw Kafka, SHA-256) in one run; table + JSON.",
        footer = {"", "Examples:", "  ./greenlight bench --quick", "  ./greenlight bench --targets 10000 --releases 100000",
                "  ./greenlight bench --quick --use-running --kafka-user admin"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "Smoke-sized run (about two minutes): 200 targets, 500 releases, 4 s per load level.")
    boolean quick;

    @Option(names = "--use-running", description = "Measure the stack already running at the service URLs"
            + " (--check-ingest-url ..., as every API command) instead of starting one; log in to Kafka as its super"
            + " user (--kafka-user admin; the password from the local stack's credentials file or --kafka-credentials).")
    boolean useRunning;

    @Option(names = "--targets", paramLabel = "N", description = "Targets the latency runs spread releases over (full: 10000).")
    Integer targets;

    @Option(names = "--releases", paramLabel = "N", description = "Releases in flight before memory and restore are measured (full: 100000).")
    Integer releases;

    @Option(names = "--burst", paramLabel = "N", description = "Metric samples sent to the hot target (full: 200000).")
    Integer burst;

    @Option(names = "--phase-seconds", paramLabel = "S", description = "Length of each ingest run and load level (full: 30).")
    Integer phaseSeconds;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the JSON goes (default: <repo>/bench/results).")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "240",
            description = "Allowed time for a stack start (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--restart-timeout", paramLabel = "SECONDS",
            description = "Allowed time for the restart after the releases in flight (default: --timeout plus"
                    + " one second per MB of the gate's state stores, measured just before).")
    Long restartTimeoutSeconds;

    @Mixin
    ApiOptions api;

    @Mixin
    KafkaLoginOptions kafka;

    @Mixin
    StackTimeOptions time;

    @Option(names = "--registry-url", defaultValue = "${env:GREENLIGHT_REGISTRY_URL:-http://localhost:8081}",
            description = "--use-running: the schema registry (env GREENLIGHT_REGISTRY_URL, default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "--use-running: the broker (env GREENLIGHT_KAFKA, default ${DEFAULT-VALUE}). Log in as"
                    + " its super user (--kafka-user admin): the bench reads every topic and creates a scratch topic.")
    String bootstrapServers;

    /** The last run's report; tests read it. */
    BenchReport report;
    /** Where the last run's JSON went. */
    Path written;

    BenchOptions options() {
        BenchOptions options = quick ? BenchOptions.quick() : BenchOptions.full();
        if (targets != null) {
            options = options.withTargets(targets);
        }
        if (releases != null) {
            options = options.withReleases(releases);
        }
        if (burst != null) {
            options = options.withBurstSamples(burst);
        }
        if (phaseSeconds != null) {
            options = options.withPhase(Duration.ofSeconds(phaseSeconds));
        }
        return options;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        BenchOptions options = options();
        Instant startedAt = Instant.now();
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageBefore", load());
        machine.put("java", System.getProperty("java.version"));
        machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("options", options.toString());
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        progress(stdout, useRunning ? "measuring the running stack" : "starting a stack on free ports...");
        List<Section> sections = new ArrayList<>();
        try (BenchStack stack = useRunning ? runningStack() : BenchStack.embedded(timeout)) {
            // Ctrl-C stops the benchmark's own stack and deletes its temporary directory.
            // Every stamp of the run comes from this clock: the stack's, which may be ahead of this machine.
            machine.put("stackTimeAtStart", stack.clock().instant().toString());
            Thread stopOnExit = new Thread(stack::close, "greenlight-bench-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                measure(stack, options, runId, timeout, stdout, sections);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            }
        }
        machine.put("loadAverageAfter", load());
        report = new BenchReport(startedAt, useRunning ? "running" : "embedded", machine, sections);
        written = report.writeJson(out != null ? out : defaultOut());
        stdout.println();
        stdout.print(report.table());
        stdout.printf(Locale.ROOT, "%nload average %s before, %s after, %s cores; JSON: %s%n", machine.get("loadAverageBefore"),
                machine.get("loadAverageAfter"), machine.get("cores"), written);
        stdout.flush();
        return 0;
    }

    private void measure(BenchStack stack, BenchOptions options, String runId, Duration timeout, PrintWriter stdout,
                         List<Section> sections) throws Exception {
        BenchHttp http = new BenchHttp();
        IngestBench ingest = new IngestBench(stack, http, runId);
        progress(stdout, "raw producer and consumer ceilings...");
        RecordShape shape = ingest.observeShape();
        KafkaCeilings.Result raw = new KafkaCeilings(stack.superUser()).measure(shape, options.rawRecords(), options.pings());
        sections.add(ceilings(raw, shape));

        progress(stdout, "HTTP ingest...");
        LedgerBench ledger = new LedgerBench(stack, http);
        ledger.loadStarts();
        sections.add(guarded("http-ingest", "HTTP ingest", () -> ingest.measure(options.clients(), options.phase(), raw)));
        progress(stdout, "ledger appends and verify...");
        sections.add(guarded("ledger", "Audit ledger", () -> ledger.measure(raw, options.drain())));

        // Before the hot-target burst, whose backlog would otherwise be measured here too.
        progress(stdout, "kill switch...");
        sections.add(guarded("kill-switch", "Kill switch → command",
                () -> new KillSwitchBench(stack, http, runId).measure(options.killSwitches(), options.drain(), raw)));

        try (DecisionBench decisions = new DecisionBench(stack, http, runId, options)) {
            progress(stdout, "evidence → decision latency and the hot-target burst...");
            try {
                decisions.measure(raw, sections);
            } catch (Exception e) {
                sections.add(Section.skipped("decision-latency", "Evidence → decision", "failed: " + e));
            }
            progress(stdout, "two gate instances vs one...");
            sections.add(guarded("scale-out", "Two gate instances vs one",
                    () -> new ScaleOutBench(stack, decisions).measure(raw, timeout)));
            progress(stdout, "releases in flight and restore...");
            sections.add(guarded("releases-in-flight", "Releases in flight",
                    () -> new InFlightBench(stack, http, decisions).measure(options, timeout,
                            Optional.ofNullable(restartTimeoutSeconds).map(Duration::ofSeconds))));
        }
    }

    /** A section that fails is reported as such; the run goes on with the next one. */
    private static Section guarded(String name, String title, Callable<Section> measurement) {
        try {
            return measurement.call();
        } catch (Exception e) {
            return Section.skipped(name, title, "failed: " + e);
        }
    }

    private static Section ceilings(KafkaCeilings.Result raw, RecordShape shape) {
        return Section.measured("kafka-ceilings", "Raw Kafka", List.of(
                new Figure("raw producer (idempotent, acks=all)", raw.producerPerSecond(), "rec/s",
                        raw.producerPerSecond(), "itself"),
                new Figure("raw consumer (read_committed)", raw.consumerPerSecond(), "rec/s",
                        raw.producerPerSecond(), "raw producer rec/s"),
                new Figure("produce → visible p50", raw.latency().percentileMillis(50), "ms",
                        raw.latency().percentileMillis(50), "itself"),
                new Figure("produce → visible p99", raw.latency().percentileMillis(99), "ms",
                        raw.latency().percentileMillis(99), "itself"),
                new Figure("produce → visible p99.9", raw.latency().percentileMillis(99.9), "ms",
                        raw.latency().percentileMillis(99.9), "itself")),
                List.of(shape.keyBytes() + "-byte keys, " + shape.valueBytes()
                        + "-byte values: the size of a metric sample check-ingest wrote in this run"));
    }

    private BenchStack runningStack() {
        Map<StackService, String> urls = new EnumMap<>(StackService.class);
        urls.put(StackService.CHECK_INGEST, base(api.checkIngest()));
        urls.put(StackService.APPROVAL, base(api.approval()));
        urls.put(StackService.GATE_EVALUATOR, base(api.gate()));
        urls.put(StackService.ROLLOUT_CONTROLLER, base(api.rollout()));
        urls.put(StackService.AUDIT_LEDGER, base(api.ledger()));
        return BenchStack.running(urls, registryUrl, bootstrapServers, time.clockFor(api.checkIngest()),
                kafka.clientProperties(), localDataDir(api.checkIngest()));
    }

    private static String base(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The data directory of a stack on this machine (for the gate's state-store size), else none. */
    private static Path localDataDir(URI service) {
        return "localhost".equals(service.getHost()) || "127.0.0.1".equals(service.getHost())
                ? StackConfig.defaultDataDir() : null;
    }

    private static Path defaultOut() {
        return Path.of(System.getProperty("greenlight.home", ".")).resolve("bench").resolve("results");
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void progress(PrintWriter out, String what) {
        out.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 19), what);
        out.flush();
    }
}
