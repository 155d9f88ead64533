package dev.greenlight.cli.hold;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight hold ...}: stop the line for a target, a pattern or everything, and lift it again. */
@Command(name = "hold", mixinStandardHelpOptions = true,
        description = "Place, list and lift named holds: while one stands, every covered release is HOLD.",
        subcommands = {HoldPlaceCommand.class, HoldLiftCommand.class, HoldListCommand.class})
public final class HoldCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
