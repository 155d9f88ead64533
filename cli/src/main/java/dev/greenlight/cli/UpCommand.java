package dev.greenlight.cli;

import dev.greenlight.cli.stack.LocalStack;
import dev.greenlight.cli.stack.PortInUseException;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.cli.stack.StackService;
import dev.greenlight.cli.stack.StackStartException;
import dev.greenlight.cli.stack.StackTimeoutException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.greenlight.cli.stack.SavedClock;
import dev.greenlight.cli.stack.StackClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight up}: runs the whole local stack in this process until Ctrl-C. Everything a
 * developer needs to try Greenlight, with no Docker and no Kafka download; the data survives a
 * restart unless {@code --fresh} is given.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start a local Kafka broker, the schema registry and the five services; Ctrl-C stops them.",
        footer = {"", "Examples:", "  ./greenlight up", "  ./greenlight up --fresh --timeout 180",
                "  ./greenlight up --clock-rate 8640 --clock-start 2026-12-21T09:00:00Z   # one simulated day per 10 s"})
final class UpCommand implements Callable<Integer> {

    static final int EXIT_PORT_IN_USE = 2;
    static final int EXIT_START_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:GREENLIGHT_DATA_DIR}",
            description = "Where Kafka and Kafka Streams keep their data (default: <repo>/.greenlight/data, env GREENLIGHT_DATA_DIR).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:GREENLIGHT_KAFKA_PORT:-9092}",
            description = "Kafka client port (default: ${DEFAULT-VALUE}, env GREENLIGHT_KAFKA_PORT).")
    int kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", defaultValue = "${env:GREENLIGHT_CONTROLLER_PORT:-9093}",
            description = "Kafka KRaft controller port (default: ${DEFAULT-VALUE}, env GREENLIGHT_CONTROLLER_PORT).")
    int controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "${env:GREENLIGHT_REGISTRY_PORT:-8081}",
            description = "Schema registry port (default: ${DEFAULT-VALUE}, env GREENLIGHT_REGISTRY_PORT).")
    int registryPort;

    @Option(names = "--control-port", paramLabel = "PORT", defaultValue = "${env:GREENLIGHT_CONTROL_PORT:-8180}",
            description = "The stack's control port, loopback only: its clock, read and accelerated by `greenlight demo`"
                    + " (default: ${DEFAULT-VALUE}, env GREENLIGHT_CONTROL_PORT).")
    int controlPort;

    @Option(names = "--clock-rate", paramLabel = "RATE", defaultValue = "${env:GREENLIGHT_CLOCK_RATE:-1}",
            description = "Simulated seconds per real second for every service (default: ${DEFAULT-VALUE}, real time;"
                    + " 8640 = one day per ten seconds). For demos and tests only.")
    double clockRate;

    @Option(names = "--clock-start", paramLabel = "INSTANT",
            description = "The simulated time the stack starts at, e.g. 2026-12-01T09:00:00Z (default: now).")
    Instant clockStart;

    @Option(names = "--service-port-base", paramLabel = "PORT", defaultValue = "${env:GREENLIGHT_SERVICE_PORT_BASE:-8181}",
            description = "First of five consecutive service ports (default: ${DEFAULT-VALUE}, env GREENLIGHT_SERVICE_PORT_BASE).")
    int servicePortBase;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "${env:GREENLIGHT_TIMEOUT:-90}",
            description = "Give up if the stack is not healthy after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--fresh", description = "Delete the data directory first: start with empty topics.")
    boolean fresh;

    /** The wall clock the stack clock starts from; a field so tests can pin it. */
    InstantSource realTime = InstantSource.system();

    @Override
    public Integer call() throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackConfig config = stackConfig();
        StackClock clock;
        try {
            clock = new StackClock(realTime, start(config), clockRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--clock-rate: " + e.getMessage(), e);
        }
        LocalStack stack = new LocalStack(config, clock);
        try {
            // Before --fresh deletes anything: the data dir may belong to a stack that is running.
            stack.requirePortsFree();
        } catch (PortInUseException e) {
            err.println(e.getMessage() + " " + overrideHint(e.component()));
            return EXIT_PORT_IN_USE;
        }
        if (fresh) {
            out.println("--fresh: deleting " + config.dataDir());
            FileSystemUtils.deleteRecursively(config.dataDir());
        }
        out.println("Starting Greenlight (data in " + config.dataDir() + ")...");
        out.flush();

        StopOnExit stopOnExit = new StopOnExit(() -> stop(stack, out));
        stopOnExit.install();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try {
            stack.start(timeout);
            stack.waitUntilHealthy(timeout.minusNanos(System.nanoTime() - startNanos));
        } catch (PortInUseException e) {
            abort(stack, stopOnExit);
            err.println(e.getMessage() + " " + overrideHint(e.component()));
            return EXIT_PORT_IN_USE;
        } catch (StackTimeoutException e) {
            abort(stack, stopOnExit);
            err.println("Greenlight did not start: " + e.getMessage());
            err.println("If it is only slow, allow more time with --timeout (now " + timeoutSeconds + " s).");
            return EXIT_START_FAILED;
        } catch (StackStartException e) {
            abort(stack, stopOnExit);
            err.println("Greenlight did not start: " + e.getMessage());
            return EXIT_START_FAILED;
        }

        printComponents(stack, out);
        if (clock.rate() != 1 || clock.instant().isAfter(clock.realInstant().plusSeconds(1))) {
            out.printf(Locale.ROOT, "Simulated time: %s, running at %.0fx real time"
                    + " (--fresh starts again from real time with empty topics).%n", clock.instant(), clock.rate());
        }
        out.printf(Locale.ROOT, "Greenlight is up in %.1f s. Press Ctrl-C to stop.%n",
                (System.nanoTime() - startNanos) / 1e9);
        out.flush();
        new CountDownLatch(1).await(); // the shutdown hook ends the process
        return 0;
    }

    /**
     * {@code --clock-start}, else where a demo left simulated time (the data is stamped with it),
     * else now. {@code --fresh} deletes the saved time with the data.
     */
    private Instant start(StackConfig config) {
        if (clockStart != null) {
            return clockStart;
        }
        return fresh ? null : SavedClock.resumeFrom(config.dataDir(), realTime.instant());
    }

    private StackConfig stackConfig() {
        Path dir = dataDir != null ? dataDir : StackConfig.defaultDataDir();
        return StackConfig.defaults(dir)
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withRegistryPort(registryPort)
                .withControlPort(controlPort)
                .withServicePortsFrom(servicePortBase);
    }

    private static String overrideHint(String component) {
        return switch (component) {
            case LocalStack.KAFKA -> "Stop whatever holds it, or use --kafka-port (env GREENLIGHT_KAFKA_PORT).";
            case LocalStack.CONTROLLER -> "Stop whatever holds it, or use --controller-port (env GREENLIGHT_CONTROLLER_PORT).";
            case LocalStack.REGISTRY -> "Stop whatever holds it, or use --registry-port (env GREENLIGHT_REGISTRY_PORT).";
            case LocalStack.CONTROL -> "Stop whatever holds it, or use --control-port (env GREENLIGHT_CONTROL_PORT).";
            default -> "Stop whatever holds it, or move the services with --service-port-base"
                    + " (env GREENLIGHT_SERVICE_PORT_BASE).";
        };
    }

    private static void printComponents(LocalStack stack, PrintWriter out) {
        String row = "  %-20s %-24s %-40s %s%n";
        out.println();
        out.printf(row, "COMPONENT", "URL", "HEALTH", "PROMETHEUS");
        out.printf(row, "kafka", stack.bootstrapServers(), "", "");
        out.printf(row, "schema-registry", stack.registryUrl(), stack.registryUrl() + "/actuator/health", "");
        out.printf(row, "stack-clock", stack.clockUrl(), "", "");
        for (StackService service : StackService.values()) {
            String url = stack.serviceUrl(service);
            out.printf(row, service.serviceName(), url, url + "/actuator/health", url + "/actuator/prometheus");
        }
        out.println();
    }

    private static void abort(LocalStack stack, StopOnExit stopOnExit) {
        if (stopOnExit.remove()) {
            stack.close();
        }
        // else the JVM is shutting down (Ctrl-C or SIGTERM during the start) and the hook stops the stack
    }

    private static void stop(LocalStack stack, PrintWriter out) {
        out.println("stopping...");
        out.flush();
        stack.close();
        out.println("stopped");
        out.flush();
    }
}
