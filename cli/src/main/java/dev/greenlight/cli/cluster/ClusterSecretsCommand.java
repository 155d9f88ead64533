package dev.greenlight.cli.cluster;

import dev.greenlight.cli.stack.KafkaCredentials;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight cluster secrets --dir secrets}: one random password file per Kafka principal
 * ({@code kafka-admin}, {@code kafka-check-ingest}, ...), owner-readable only, never overwritten, for
 * docker-compose.yml to mount as Docker secrets (each service gets its own only).
 */
@Command(name = "secrets", mixinStandardHelpOptions = true,
        description = "Write a random Kafka password file per principal (kafka-<user>) that has none.")
final class ClusterSecretsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Where to write them, e.g. secrets.")
    Path dir;

    @Override
    public Integer call() {
        List<Path> written = KafkaCredentials.writeSecretFiles(dir);
        written.forEach(file -> spec.commandLine().getOut().println("wrote " + file));
        spec.commandLine().getOut().println(written.isEmpty() ? "every password file exists already"
                : written.size() + " password files written");
        return 0;
    }
}
