package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The on-call engineer acknowledges covering a deployment window. */
@Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledge on-call coverage of a deployment window.",
        footer = {"", "Example:", "  greenlight ack rl-policy --version 3.0.0 --from 2026-11-22T14:00:00Z "
            + "--until 2026-11-22T18:00:00Z --token demo-erin"})
public final class AckCommand extends ApiCommand {

    @Parameters(paramLabel = "TARGET")
    String target;

    @Option(names = "--version", description = "Release version, if the window is for one release.")
    String version;

    @Option(names = "--from", required = true, description = "Window start (ISO-8601).")
    Instant from;

    @Option(names = "--until", required = true, description = "Window end (ISO-8601).")
    Instant until;

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("version", version);
        body.put("windowStart", from.toString());
        body.put("windowEnd", until.toString());
        return printed(api.post(options.approval(), "/api/v1/acks", body),
                "on-call acknowledged for " + target + " " + from + " – " + until);
    }
}
