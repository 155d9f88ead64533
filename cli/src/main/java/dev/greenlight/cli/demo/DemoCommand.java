package dev.greenlight.cli.demo;

import dev.greenlight.cli.stack.RemoteStackClock;
import dev.greenlight.cli.stack.StackClockControl;
import dev.greenlight.cli.stack.StackNotRunningException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.deploy.KafkaLoginOptions;
import dev.greenlight.cli.deploy.ReferenceDeployer;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight demo}: the two-minute tour for a newcomer, against the stack
 * {@code ./greenlight up} started. It drives the stack clock through the control port so days of
 * validation pass in seconds, and acts every part itself (CI, on-call, approvers, the deployer,
 * the auditor), so nothing but the running stack is needed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Narrated tour against the running local stack (./greenlight up): a fresh RL policy release "
            + "passes its gates, ramps to 10 %%, trips its page-alert guard, is killed back to 0 %%, and the "
            + "ledger verifies and replays every decision. The stack clock is accelerated meanwhile and set back "
            + "to rate 1 at the end (simulated time stays advanced).",
            "", "The demo calls the services as the local stack's demo users (demo-ci, demo-alertmanager, "
            + "demo-erin, demo-dave, demo-bob) and acknowledges deployment commands with a built-in reference deployer: --token and "
            + "--output are not used."},
        footer = {"", "Examples:", "  ./greenlight up            # in one terminal",
            "  ./greenlight demo          # in another",
            "  ./greenlight demo --day-seconds 5"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the scenario ran to the end", "1:a step did not happen in time or was refused (named)",
            "3:no running stack (start it with ./greenlight up)"})
public final class DemoCommand implements Callable<Integer> {

    static final int STEP_FAILED = 1;
    static final int NOT_RUNNING = 3;
    private static final double SECONDS_PER_DAY = 86_400;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions services;

    @Option(names = "--day-seconds", defaultValue = "10",
            description = "Real seconds per simulated day while the clock is accelerated (default ${DEFAULT-VALUE}).")
    double daySeconds;

    @Option(names = "--control-url", defaultValue = "${env:GREENLIGHT_CONTROL_URL:-http://localhost:8180/clock}",
            description = "The stack's clock control (env GREENLIGHT_CONTROL_URL, default ${DEFAULT-VALUE}).")
    URI controlUrl;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers for the built-in deployer (env GREENLIGHT_KAFKA, "
                + "default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Mixin
    KafkaLoginOptions kafkaLogin = new KafkaLoginOptions();

    @Option(names = "--registry-url", defaultValue = "${env:GREENLIGHT_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL for the built-in deployer (env GREENLIGHT_REGISTRY_URL, "
                + "default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--step-timeout", defaultValue = "60",
            description = "Real seconds each step may take before the demo gives up (default ${DEFAULT-VALUE}).")
    long stepTimeoutSeconds;

    /** Real time: names the run and stamps the deployer's acknowledgements. */
    Clock realClock = Clock.systemUTC();

    @Override
    public Integer call() {
        if (!(daySeconds > 0) || daySeconds > SECONDS_PER_DAY) {
            throw new ParameterException(spec.commandLine(), "--day-seconds must be above 0 and at most 86400");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Narrator narrator = new Narrator(out, Ansi.AUTO, System::nanoTime);
        StackClockControl clock = new StackClockControl(controlUrl);
        DemoRelease release = DemoRelease.fresh(realClock.instant(), new SecureRandom());
        try (DemoDeployer deployer = new DemoDeployer(new ReferenceDeployer(bootstrapServers,
                kafkaLogin::clientProperties, registryUrl,
                release.target(), "greenlight-demo", new RemoteStackClock(clock)))) {
            DemoScenario scenario = new DemoScenario(narrator, Poller.realTime(Duration.ofSeconds(stepTimeoutSeconds)),
                    clock, services, release, daySeconds, deployer);
            Duration simulated = scenario.run();
            restoreRate(clock, narrator, err);
            narrator.title(String.format("Done: %s of simulated time in %s of real time.", human(simulated),
                    Narrator.clock(narrator.elapsed())));
            return 0;
        } catch (StackNotRunningException e) {
            err.println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return NOT_RUNNING;
        } catch (StepFailedException e) {
            err.println(Ansi.AUTO.string("@|red,bold demo stopped:|@ " + e.getMessage() + " (after "
                    + Narrator.clock(narrator.elapsed()) + ")"));
            restoreRate(clock, narrator, err);
            return STEP_FAILED;
        } finally {
            err.flush();
        }
    }

    /** Back to real speed: later users of the stack expect real time to pass at real speed. */
    private static void restoreRate(StackClockControl clock, Narrator narrator, PrintWriter err) {
        try {
            StackClockControl.State state = clock.rate(1);
            narrator.step("Clock rate back to 1: real speed again. Simulated time stays where it is ("
                    + state.now() + "), ahead of the wall clock.");
        } catch (RuntimeException e) {
            err.println("could not set the stack clock back to rate 1: " + e.getMessage());
        }
    }

    private static String human(Duration simulated) {
        long hours = simulated.toHours();
        return hours >= 48 ? String.format("%.1f days", hours / 24d)
                : hours + " h " + simulated.toMinutesPart() + " min";
    }
}
