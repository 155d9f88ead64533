package dev.greenlight.cli.dlq;

import dev.greenlight.cli.deploy.KafkaLoginOptions;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.AuthorizationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight dlq list}: every parked record with its position ({@code partition:offset}, what
 * {@code replay} takes), origin, key, size and reason. Only the cluster's operator may read the
 * dead-letter topic (no service but the audit-ledger has an ACL to), so log in as {@code admin}.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the records parked on the dead-letter topic (log in as the operator: --kafka-user admin).")
final class DlqListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers (env GREENLIGHT_KAFKA, default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--origin", description = "Only records that came from this topic.")
    String origin;

    @Option(names = "--timeout", defaultValue = "PT30S", description = "How long to wait for Kafka (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    KafkaLoginOptions kafkaLogin;

    @Override
    public Integer call() {
        List<ParkedRecord> parked;
        try {
            parked = DeadLetterReader.readAll(bootstrapServers, kafkaLogin.clientProperties(), timeout);
        } catch (AuthorizationException e) {
            spec.commandLine().getErr().println("dlq: not allowed to read " + Topics.DEAD_LETTER.name()
                    + " (" + e.getMessage() + "); only the cluster's operator may: --kafka-user admin");
            return CommandLine.ExitCode.SOFTWARE;
        }
        parked.stream().filter(record -> origin == null || origin.equals(record.originTopic()))
                .forEach(record -> spec.commandLine().getOut().println(record.describe()));
        spec.commandLine().getOut().println(parked.size() + " parked record(s)");
        return 0;
    }
}
