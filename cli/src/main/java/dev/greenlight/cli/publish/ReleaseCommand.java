package dev.greenlight.cli.publish;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight release ...}. */
@Command(name = "release", mixinStandardHelpOptions = true, description = "Release candidates.",
        subcommands = ReleaseRegisterCommand.class)
public final class ReleaseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
