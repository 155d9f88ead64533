package dev.greenlight.cli.freeze;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight freeze ...}: declare, list and lift runtime freeze windows (blackouts as audited events). */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = "Declare, list and lift runtime freeze windows: every covered release is HOLD in [from, to).",
        subcommands = {FreezeDeclareCommand.class, FreezeLiftCommand.class, FreezeListCommand.class})
public final class FreezeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
