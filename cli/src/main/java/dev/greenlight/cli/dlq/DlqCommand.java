package dev.greenlight.cli.dlq;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight dlq}: inspect the records parked on the dead-letter topic and re-drive them. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect (list) and re-drive (replay) records parked on the dead-letter topic.",
        subcommands = {DlqListCommand.class, DlqReplayCommand.class})
public final class DlqCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
