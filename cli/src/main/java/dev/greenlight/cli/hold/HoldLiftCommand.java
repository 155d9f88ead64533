package dev.greenlight.cli.hold;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lifts a hold by id; only its owner or the authority role may. */
@Command(name = "lift", mixinStandardHelpOptions = true,
        description = "Lift a hold (its owner or the authority role); the covered releases are evaluated again at once.",
        footer = {"", "Example:", "  greenlight hold lift 7c1e0a52-... --reason 'fixed' --token demo-erin"})
public final class HoldLiftCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "HOLD_ID", description = "The holdId 'hold place' or 'hold list' printed.")
    String holdId;

    @Option(names = "--reason", description = "Why it may go on; recorded in the ledger.")
    String reason;

    @Override
    protected int execute(GreenlightApi api) {
        String path = "/api/v1/holds/" + URLEncoder.encode(holdId, StandardCharsets.UTF_8)
                + (reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        return printed(api.delete(options.approval(), path), "hold " + holdId + " lifted");
    }
}
