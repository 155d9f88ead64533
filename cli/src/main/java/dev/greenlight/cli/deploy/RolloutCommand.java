package dev.greenlight.cli.deploy;

import dev.greenlight.cli.api.ApiException;
import dev.greenlight.cli.api.ApiOptions;
import dev.greenlight.cli.publish.ReleaseRef;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code greenlight rollout ...}: where traffic stands, and the manual controls over it. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Rollout status and manual control (promote only on GO unless you hold the override role).",
        footer = {"", "Examples:", "  greenlight rollout status ict-qm --token demo-bob",
            "  greenlight rollout pause ict-qm@2.1.0 --reason 'unexpected losses, reviewing' --token demo-erin",
            "  greenlight rollout abort ict-qm@2.1.0 --reason 'signal divergence 35%' --token demo-dave"})
public final class RolloutCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Stage, traffic, next step, active guards, obligations and kill switch of a target.")
    int status(@Parameters(paramLabel = "TARGET") String target, @Mixin ApiOptions options) {
        return run(options, () -> {
            JsonNode view = options.api().get(options.rollout(), "/api/v1/rollouts/" + target);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json()) {
                out.println(view.toString());
                return 0;
            }
            JsonNode kill = view.path("killSwitch");
            out.println(Ansi.AUTO.string("@|bold " + target + "|@  stable " + view.path("stableVersion").asString("-")
                    + "  kill switch " + (kill.path("active").asBoolean()
                            ? "@|red,bold ACTIVE|@ (" + kill.path("reason").asString("") + ")" : "off")));
            for (JsonNode r : view.path("rollouts")) {
                out.printf("  %-12s %-14s %-10s %3d%%  since %s%n    next: %s%n", r.path("version").asString(),
                        r.path("status").asString(), r.path("stage").asString("-"), r.path("trafficPercent").asInt(),
                        r.path("since").asString("-"), r.path("nextStep").asString("-"));
                if (!r.path("activeGuards").isEmpty()) {
                    out.println("    guards: " + r.path("activeGuards"));
                }
            }
            for (JsonNode o : view.path("obligations")) {
                out.println(Ansi.AUTO.string("  obligation " + o.path("kind").asString() + " for "
                        + o.path("version").asString() + " due " + o.path("dueAt").asString()
                        + (o.path("overdue").asBoolean() ? " @|red,bold OVERDUE|@" : "")));
            }
            return 0;
        });
    }

    @Command(name = "promote", mixinStandardHelpOptions = true, description = "Move to the next stage (needs its GO).")
    int promote(@Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class) ReleaseRef release,
                @Option(names = "--reason", required = true) String reason, @Mixin ApiOptions options) {
        return control(options, release, "promote", reason);
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Hold traffic where it is.")
    int pause(@Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class) ReleaseRef release,
              @Option(names = "--reason", required = true) String reason, @Mixin ApiOptions options) {
        return control(options, release, "pause", reason);
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue a paused rollout.")
    int resume(@Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class) ReleaseRef release,
               @Option(names = "--reason", required = true) String reason, @Mixin ApiOptions options) {
        return control(options, release, "resume", reason);
    }

    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = "Roll back: the version's traffic to 0, the previous stable version restored.")
    int abort(@Parameters(paramLabel = "TARGET@VERSION", converter = ReleaseRef.Converter.class) ReleaseRef release,
              @Option(names = "--reason", required = true) String reason, @Mixin ApiOptions options) {
        return control(options, release, "abort", reason);
    }

    private int control(ApiOptions options, ReleaseRef release, String action, String reason) {
        return run(options, () -> {
            JsonNode answer = options.api().post(options.rollout(),
                    "/api/v1/rollouts/" + release.target() + "/" + release.version() + "/" + action,
                    Map.of("reason", reason));
            spec.commandLine().getOut().println(options.json() ? answer.toString()
                    : Ansi.AUTO.string("@|green ✔|@ " + action + " requested for " + release
                            + " (request " + answer.path("requestId").asString("?") + ")"));
            return 0;
        });
    }

    private int run(ApiOptions options, java.util.function.IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (ApiException e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()));
            return e.status() >= 400 && e.status() < 500 ? 1 : 3;
        }
    }
}
