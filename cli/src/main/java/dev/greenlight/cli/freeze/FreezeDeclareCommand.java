package dev.greenlight.cli.freeze;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Declares a freeze window {@code [from, to)} on a target, a target pattern or everything. */
@Command(name = "declare", mixinStandardHelpOptions = true,
        description = "Freeze a target pattern from FROM (inclusive) to TO (exclusive), with optional overrides.",
        footer = {"", "Example:", "  greenlight freeze declare black-friday 'payments-*' --from 2026-11-27T00:00:00Z"
                + " --to 2026-11-30T00:00:00Z --reason 'peak traffic' --override-role management"
                + " --override-type HOTFIX --token demo-erin"})
public final class FreezeDeclareCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the freeze, e.g. black-friday.")
    String name;

    @Parameters(index = "1", paramLabel = "TARGET", description = "A target, a pattern such as 'payments-*', or '*'.")
    String target;

    @Option(names = "--from", required = true, description = "First frozen instant, ISO-8601 UTC.")
    String from;

    @Option(names = "--to", required = true, description = "End of the freeze (exclusive), ISO-8601 UTC.")
    String to;

    @Option(names = "--reason", required = true, description = "Why; every frozen decision reports it.")
    String reason;

    @Option(names = "--override-role", description = "An approval in this role lifts the freeze (repeatable).")
    List<String> overrideRoles = List.of();

    @Option(names = "--override-type", description = "Releases of this type are not frozen (repeatable).")
    List<String> overrideTypes = List.of();

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("target", target);
        body.put("reason", reason);
        body.put("from", from);
        body.put("to", to);
        body.put("override", Map.of("roles", overrideRoles, "releaseTypes", overrideTypes));
        JsonNode answer = api.post(options.approval(), "/api/v1/freezes", body);
        return printed(answer, "freeze " + name + " declared on " + target + " [" + from + ", " + to + ") (id "
                + answer.path("freezeId").asString() + ")");
    }
}
