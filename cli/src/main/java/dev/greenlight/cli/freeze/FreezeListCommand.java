package dev.greenlight.cli.freeze;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** Lists the freeze windows declared and not lifted (past, current and future). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The freeze windows declared and not lifted.")
public final class FreezeListCommand extends ApiCommand {

    @Override
    protected int execute(GreenlightApi api) {
        JsonNode freezes = api.get(options.approval(), "/api/v1/freezes");
        if (options.json()) {
            spec.commandLine().getOut().println(freezes.toString());
            return 0;
        }
        if (freezes.isEmpty()) {
            spec.commandLine().getOut().println("no standing freezes");
        }
        for (JsonNode freeze : freezes) {
            spec.commandLine().getOut().printf("%s  %s on %s [%s, %s) by %s: %s%n", freeze.path("freezeId").asString(),
                    freeze.path("name").asString(), freeze.path("target").asString(), freeze.path("from").asString(),
                    freeze.path("to").asString(), freeze.path("declaredBy").asString(),
                    freeze.path("reason").asString());
        }
        return 0;
    }
}
