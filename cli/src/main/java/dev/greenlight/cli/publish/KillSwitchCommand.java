package dev.greenlight.cli.publish;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Activates or deactivates the kill switch of a target. */
@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = "Activate (traffic to 0 now, rollouts frozen) or deactivate (authority role only) the kill switch.",
        footer = {"", "Examples:", "  greenlight kill-switch activate rl-policy --reason 'page alert at T+30' --token demo-erin",
            "  greenlight kill-switch deactivate rl-policy --reason 'root cause fixed' --token demo-dave"})
public final class KillSwitchCommand extends ApiCommand {

    enum Action { activate, deactivate }

    @Parameters(index = "0", paramLabel = "ACTION", description = "activate or deactivate")
    Action action;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--reason", required = true, description = "Why; recorded in the ledger.")
    String reason;

    @Override
    protected int execute(GreenlightApi api) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target);
        body.put("action", action.name().toUpperCase());
        body.put("reason", reason);
        return printed(api.post(options.approval(), "/api/v1/kill-switch", body),
                "kill switch " + action + "d for " + target);
    }
}
