package dev.greenlight.cli.read;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.cli.publish.ReleaseRef;
import dev.greenlight.platform.time.Pause;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Blocks a pipeline on Greenlight: waits for the stage's verdict and exits with a code a CI job can
 * branch on. HOLD keeps waiting (evidence or time may still turn it); a release not yet known keeps
 * waiting too, since its registration may still be in flight.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait for the verdict of one stage of a release.",
        footer = {"", "Example (GitHub Actions step):",
            "  ./greenlight wait ict-qm@2.1.0 --stage live-25 --timeout 30m --token \"$GREENLIGHT_TOKEN\""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:GO", "1:NO_GO", "2:timed out (still HOLD, or no decision yet)",
            "3:error (unreachable service, no policy governs the release, bad token, ...)"})
public final class WaitCommand implements Callable<Integer> {

    static final int GO = 0;
    static final int NO_GO = 1;
    static final int TIMED_OUT = 2;
    static final int ERROR = 3;

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class)
    ReleaseRef release;

    @Option(names = "--stage", required = true, description = "The stage whose gate to wait for.")
    String stage;

    @Option(names = "--timeout", defaultValue = "30m", converter = DurationConverter.class,
            description = "Give up after this long: 90s, 30m, 2h (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--interval", defaultValue = "2s", converter = DurationConverter.class,
            description = "Polling interval (default ${DEFAULT-VALUE}).")
    Duration interval;

    Clock clock = Clock.systemUTC();
    Pause pause = Pause.blocking();

    @Override
    public Integer call() {
        GreenlightApi api = options.api();
        PrintWriter out = spec.commandLine().getOut();
        Instant deadline = clock.instant().plus(timeout);
        String last = null;
        while (true) {
            try {
                JsonNode decision = stageDecision(api);
                String outcome = decision == null ? "PENDING" : decision.path("outcome").asString();
                if (!outcome.equals(last) && !options.json()) {
                    out.println(Ansi.AUTO.string(release + " " + stage + ": @|bold " + outcome + "|@"
                            + (decision == null ? " (no decision yet)" : "")));
                }
                last = outcome;
                if ("GO".equals(outcome) || "NO_GO".equals(outcome)) {
                    if (options.json()) {
                        out.println(decision.toString());
                    } else if ("NO_GO".equals(outcome)) {
                        DecisionTable.print(out, decision);
                    }
                    return "GO".equals(outcome) ? GO : NO_GO;
                }
            } catch (ApiException e) {
                if (e.status() != 404) {
                    spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
                    return ERROR;
                }
            } catch (NoPolicyException e) {
                spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
                return ERROR;
            }
            if (!clock.instant().isBefore(deadline)) {
                spec.commandLine().getErr().println("timed out after " + timeout + " waiting for " + release + " "
                        + stage + " (last: " + (last == null ? "unknown release" : last) + ")");
                return TIMED_OUT;
            }
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ERROR;
            }
        }
    }

    private JsonNode stageDecision(GreenlightApi api) {
        JsonNode view = api.get(options.gate(), "/api/v1/releases/" + release.target() + "/" + release.version());
        if ("no policy".equals(view.path("policyStatus").asString())) {
            throw new NoPolicyException("no policy governs " + release + ": nothing will ever decide it. "
                    + "Register it with --policy NAME or add a policy whose 'governs' matches it.");
        }
        for (JsonNode decision : view.path("decisions")) {
            if (stage.equals(decision.path("stage").asString())) {
                return decision;
            }
        }
        return null;
    }

    private static final class NoPolicyException extends RuntimeException {
        NoPolicyException(String message) {
            super(message);
        }
    }
}
