package dev.greenlight.cli.freeze;

import dev.greenlight.cli.api.ApiCommand;
import dev.greenlight.cli.api.GreenlightApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lifts a freeze by id; only its declarer or the hold authority role may. */
@Command(name = "lift", mixinStandardHelpOptions = true,
        description = "Lift a freeze (its declarer or the authority role); the covered releases are evaluated again at once.",
        footer = {"", "Example:", "  greenlight freeze lift 7c1e0a52-... --reason 'cancelled' --token demo-dave"})
public final class FreezeLiftCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "FREEZE_ID", description = "The freezeId 'freeze declare' or 'freeze list' printed.")
    String freezeId;

    @Option(names = "--reason", description = "Why it ends early; recorded in the ledger.")
    String reason;

    @Override
    protected int execute(GreenlightApi api) {
        String path = "/api/v1/freezes/" + URLEncoder.encode(freezeId, StandardCharsets.UTF_8)
                + (reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        return printed(api.delete(options.approval(), path), "freeze " + freezeId + " lifted");
    }
}
