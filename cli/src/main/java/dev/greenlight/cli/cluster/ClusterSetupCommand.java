package dev.greenlight.cli.cluster;

import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.KafkaSecuritySetup;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight cluster setup}: the one-shot job that prepares a production cluster from the
 * catalogue, as the cluster's super user: the SCRAM users of every principal and the ACLs of
 * {@code KafkaAcls} ({@link KafkaSecuritySetup}, the local stack's own), then every catalogue topic
 * with its partitions, configs, the replication factor and {@code min.insync.replicas} of the
 * environment. Run again at will: an existing topic is left as it is (the services refuse to start on
 * a weaker ledger topic and warn about the others), users and ACLs are brought up to date.
 */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Create SCRAM users, ACLs and every catalogue topic on a cluster (as its super user).")
final class ClusterSetupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true, description = "e.g. kafka-1:9092,kafka-2:9092,kafka-3:9092")
    String bootstrapServers;

    @Option(names = "--secrets-dir", required = true, paramLabel = "DIR",
            description = "Directory of kafka-<user> password files (greenlight cluster secrets), e.g. /run/secrets.")
    Path secretsDir;

    @Option(names = "--replication-factor", defaultValue = "3", description = "Replicas per partition (default ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--min-insync-replicas", defaultValue = "2",
            description = "min.insync.replicas of every topic (default ${DEFAULT-VALUE}).")
    int minInsyncReplicas;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "How long to wait for the cluster (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        KafkaCredentials credentials = KafkaCredentials.fromSecretFiles(secretsDir);
        Map<String, Object> config = new HashMap<>(credentials.adminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            KafkaSecuritySetup.apply(admin, bootstrapServers, credentials, timeout);
            spec.commandLine().getOut().println("SCRAM users and ACLs applied");
            for (Topic<?> topic : Topics.all()) {
                Map<String, String> configs = new HashMap<>(topic.configs());
                configs.put("min.insync.replicas", String.valueOf(minInsyncReplicas));
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(topic.name(), topic.partitions(),
                            replicationFactor).configs(configs))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    spec.commandLine().getOut().println("created " + topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    spec.commandLine().getOut().println("exists  " + topic.name());
                }
            }
        }
        return 0;
    }
}
