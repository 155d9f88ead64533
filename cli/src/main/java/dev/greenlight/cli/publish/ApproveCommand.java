package dev.greenlight.cli.publish;

import picocli.CommandLine.Command;

/** {@code greenlight approve}. */
@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a release in one of your roles.",
        footer = {"", "Example:", "  greenlight approve ict-qm@2.1.0 --role auditor --comment 'AUD-2026-11-15-001 PASS' "
            + "--token demo-bob"})
public final class ApproveCommand extends VerdictCommand {

    @Override
    String verdict() {
        return "APPROVE";
    }
}
