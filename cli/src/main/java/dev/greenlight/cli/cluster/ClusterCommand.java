package dev.greenlight.cli.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight cluster}: prepares a production cluster from the catalogue, the one-shot jobs of
 * docker-compose.yml: the principals' passwords, SCRAM users, ACLs and topics, and the schemas.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Prepare a production Kafka cluster and schema registry from the catalogue.",
        subcommands = {ClusterSecretsCommand.class, ClusterSetupCommand.class, RegisterSchemasCommand.class})
public final class ClusterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
