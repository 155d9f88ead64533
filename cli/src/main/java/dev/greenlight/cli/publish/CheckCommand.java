package dev.greenlight.cli.publish;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight check ...}. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "CI check results.",
        subcommands = CheckReportCommand.class)
public final class CheckCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
