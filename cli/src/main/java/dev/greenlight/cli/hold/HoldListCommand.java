package dev.greenlight.cli.hold;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** Lists the standing holds. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The holds that stand right now.")
public final class HoldListCommand extends ApiCommand {

    @Override
    protected int execute(GreenlightApi api) {
        JsonNode holds = api.get(options.approval(), "/api/v1/holds");
        if (options.json()) {
            spec.commandLine().getOut().println(holds.toString());
            return 0;
        }
        if (holds.isEmpty()) {
            spec.commandLine().getOut().println("no standing holds");
        }
        for (JsonNode hold : holds) {
            spec.commandLine().getOut().printf("%s  %s on %s by %s since %s: %s%n", hold.path("holdId").asString(),
                    hold.path("name").asString(), hold.path("target").asString(), hold.path("placedBy").asString(),
                    hold.path("placedAt").asString(), hold.path("reason").asString());
        }
        return 0;
    }
}
