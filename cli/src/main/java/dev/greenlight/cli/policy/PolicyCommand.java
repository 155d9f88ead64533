package dev.greenlight.cli.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code greenlight policy ...}: work with policy files locally, with the engine the services run. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Validate and test policies with the same engine the gate-evaluator runs.",
        subcommands = {PolicyValidateCommand.class, PolicyTestCommand.class, PolicyWhatIfCommand.class})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
