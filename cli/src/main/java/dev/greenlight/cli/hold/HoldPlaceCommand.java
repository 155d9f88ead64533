package dev.greenlight.cli.hold;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Places a named hold on a target, a target pattern or everything ({@code '*'}). */
@Command(name = "place", mixinStandardHelpOptions = true,
        description = "Stop the line: every stage of every release the pattern covers is HOLD until lifted.",
        footer = {"", "Examples:", "  greenlight hold place incident-4711 'payments-*' --reason 'INC-4711' --token demo-erin",
            "  greenlight hold place freeze-all '*' --reason 'year-end freeze' --token demo-dave"})
public final class HoldPlaceCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "Name of the hold, e.g. incident-4711.")
    String name;

    @Parameters(index = "1", paramLabel = "TARGET", description = "A target, a pattern such as 'payments-*', or '*'.")
    String target;

    @Option(names = "--reason", required = true, description = "Why; every held decision reports it.")
    String reason;

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("target", target);
        body.put("reason", reason);
        JsonNode answer = api.post(options.approval(), "/api/v1/holds", body);
        return printed(answer, "hold " + name + " placed on " + target + " (id " + answer.path("holdId").asString()
                + ")");
    }
}
