package dev.greenlight.cli.deploy;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The deployer contract in its smallest form: follow the deployment-commands topic and answer each
 * command with {@code DeploymentApplied}. Shared by {@code greenlight follow} (in the foreground)
 * and {@code greenlight demo} (on a background thread), so both acknowledge exactly alike.
 * Offsets are committed only after the acknowledgement is stored: a restarted follower
 * re-acknowledges at most the command it was handling, never skips one.
 *
 * @param bootstrapServers the broker
 * @param login            the client settings of the deployer's Kafka login, resolved when following starts
 * @param registryUrl      the schema registry the Avro values resolve against
 * @param target           only commands for this target, or null for all
 * @param deployerId       who applies the commands; also names the consumer group,
 *                         {@code deployer-<deployerId>[-<target>]}, the groups the deployer principal may use
 * @param clock            stamps the acknowledgements
 */
public record ReferenceDeployer(String bootstrapServers, Supplier<Map<String, Object>> login, String registryUrl, String target, String deployerId,
                                Clock clock) {

    private static final Duration POLL = Duration.ofMillis(500);

    /** What the deployer does, as it does it: the follow command prints it, the demo narrates it. */
    public interface Listener {

        /** Subscribed; commands will follow. */
        default void following() {
        }

        /** A command for this deployer, before it is applied. */
        void received(DeploymentCommand command);

        /** The command's {@code DeploymentApplied} is stored. */
        void acknowledged(DeploymentCommand command);
    }

    /**
     * Follows until {@code keepGoing} answers false or {@code maxCommands} (0 = no limit) commands
     * are handled.
     *
     * @return how many commands were acknowledged
     * @throws ExecutionException when an acknowledgement could not be stored
     * @throws InterruptedException when interrupted while storing one
     */
    public int follow(BooleanSupplier keepGoing, int maxCommands, Listener listener)
            throws ExecutionException, InterruptedException {
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
        Map<String, Object> credentials = login.get();
        Map<String, Object> consumerConfig = new HashMap<>(credentials);
        consumerConfig.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        Map<String, Object> producerConfig = new HashMap<>(credentials);
        producerConfig.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        int handled = 0;
        try (KafkaConsumer<String, DeploymentCommand> consumer = new KafkaConsumer<>(consumerConfig,
                new StringDeserializer(), new AvroDeserializer<>(registry, Topics.DEPLOYMENT_COMMANDS.valueSchema()));
             KafkaProducer<String, DeploymentApplied> producer = new KafkaProducer<>(producerConfig,
                     new StringSerializer(), new AvroSerializer<>(registry, Topics.DEPLOYMENT_REPORTS.valueSchema()))) {
            consumer.subscribe(List.of(Topics.DEPLOYMENT_COMMANDS.name()));
            listener.following();
            while (keepGoing.getAsBoolean() && (maxCommands == 0 || handled < maxCommands)) {
                for (ConsumerRecord<String, DeploymentCommand> record : consumer.poll(POLL)) {
                    DeploymentCommand command = record.value();
                    if (command == null || (target != null && !target.equals(command.getTarget()))) {
                        continue;
                    }
                    listener.received(command);
                    producer.send(new ProducerRecord<>(Topics.DEPLOYMENT_REPORTS.name(), command.getTarget(),
                            applied(command))).get();
                    listener.acknowledged(command);
                    handled++;
                }
                consumer.commitSync();
            }
        }
        return handled;
    }

    /** Inside the deployer principal's group prefix, so a deployer can never commit offsets for a service. */
    String groupId() {
        return KafkaUser.DEPLOYER_GROUP_PREFIX + deployerId + (target == null ? "" : "-" + target);
    }

    private DeploymentApplied applied(DeploymentCommand command) {
        return DeploymentApplied.newBuilder()
                // One acknowledgement per command and deployer: a re-acknowledgement after a restart
                // carries the same event id, so it counts once.
                .setMeta(new EventMetadata("applied:" + command.getCommandId() + ":" + deployerId, clock.instant(),
                        deployerId))
                .setTarget(command.getTarget())
                .setCommandId(command.getCommandId())
                .setSequence(command.getSequence())
                .setAppliedBy(deployerId)
                .setStatus(DeploymentStatus.APPLIED)
                .setMessage("applied by the reference deployer")
                .build();
    }
}
