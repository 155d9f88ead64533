package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import dev.greenlight.cli.stack.StackTimeOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Pushes one metric sample (entropy, q-spread, error-budget burn, live errors, ...). */
@Command(name = "push", mixinStandardHelpOptions = true, description = "Push a metric sample for a target.",
        footer = {"", "Example:", "  greenlight metric push rl-policy entropy 0.93 --version 3.0.0"})
public final class MetricPushCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "TARGET")
    String target;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "VALUE")
    double value;

    @Option(names = "--version", description = "Release version the sample belongs to, if any.")
    String version;

    @Option(names = "--at", description = "Observation time (ISO-8601; default: now).")
    Instant at;

    @Mixin
    StackTimeOptions time = new StackTimeOptions();

    /** Default time of the observation (the local stack's time when it runs here); tests substitute a fixed clock. */
    Clock clock;

    private Clock clock() {
        return clock != null ? clock : time.clockFor(options.checkIngest());
    }

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("target", target);
        sample.put("version", version);
        sample.put("name", name);
        sample.put("value", value);
        sample.put("observedAt", (at != null ? at : clock().instant()).toString());
        return printed(api.post(options.checkIngest(), "/api/v1/metrics", List.of(sample)),
                "pushed " + name + "=" + value + " for " + target);
    }
}
