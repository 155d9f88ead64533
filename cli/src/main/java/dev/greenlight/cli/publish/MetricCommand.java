package dev.greenlight.cli.publish;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight metric ...}. */
@Command(name = "metric", mixinStandardHelpOptions = true, description = "Metric samples.",
        subcommands = MetricPushCommand.class)
public final class MetricCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
