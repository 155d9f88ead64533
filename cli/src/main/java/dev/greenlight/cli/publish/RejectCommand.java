package dev.greenlight.cli.publish;

import picocli.CommandLine.Command;

/** {@code greenlight reject}. */
@Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a release in one of your roles.",
        footer = {"", "Example:", "  greenlight reject ict-qm@2.1.0 --role risk --comment 'position limits too wide' "
            + "--token demo-carol"})
public final class RejectCommand extends VerdictCommand {

    @Override
    String verdict() {
        return "REJECT";
    }
}
