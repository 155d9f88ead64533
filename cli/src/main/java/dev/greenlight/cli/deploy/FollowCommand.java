package dev.greenlight.cli.deploy;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.events.DeploymentStatus;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryClients;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.topics.Topics;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The reference deployer: follows the deployment-commands topic (the contract every deployer
 * implements — an Argo Rollouts, feature-flag or trading-engine adapter would do the same), prints
 * each command and acknowledges it with {@code DeploymentApplied}, so the rollout loop is real
 * end to end. Offsets are committed only after the acknowledgement is stored: a restarted
 * follower re-acknowledges at most the command it was handling, never skips one.
 */
@Command(name = "follow", mixinStandardHelpOptions = true,
        description = "Reference deployer: print and acknowledge deployment commands until Ctrl-C.",
        footer = {"", "Examples:", "  greenlight follow", "  greenlight follow --target rl-policy --deployer-id paper-engine"})
public final class FollowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers (env GREENLIGHT_KAFKA, default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--registry-url", defaultValue = "${env:GREENLIGHT_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (env GREENLIGHT_REGISTRY_URL, default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--target", description = "Only commands for this target (others are left to other deployers).")
    String target;

    @Option(names = "--deployer-id", defaultValue = "greenlight-follow",
            description = "Who applies the commands; also the consumer group (default ${DEFAULT-VALUE}).")
    String deployerId;

    @Option(names = "--max-commands", defaultValue = "0", description = "Stop after this many (0 = until Ctrl-C).")
    int maxCommands;

    final AtomicBoolean running = new AtomicBoolean(true);
    final Clock clock;

    public FollowCommand() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock stamps the acknowledgements: when the deployment was applied. A deployer embedded
     *              in a stack with a simulated clock passes that clock, so "applied" is in the same
     *              time as the command it answers (release lead times are measured to it).
     */
    public FollowCommand(Clock clock) {
        this.clock = clock;
    }

    /** Ends {@link #call} after the current poll, as Ctrl-C does: for a follower embedded in another program. */
    public void stop() {
        running.set(false);
    }

    @Override
    public Integer call() {
        SchemaRegistryClient registry = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", registryUrl));
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, deployerId + (target == null ? "" : "-" + target),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Thread main = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            running.set(false);
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stopper);
        int handled = 0;
        try (KafkaConsumer<String, DeploymentCommand> consumer = new KafkaConsumer<>(consumerConfig,
                new StringDeserializer(), new AvroDeserializer<>(registry, Topics.DEPLOYMENT_COMMANDS.valueSchema()));
             KafkaProducer<String, DeploymentApplied> producer = new KafkaProducer<>(producerConfig,
                     new StringSerializer(), new AvroSerializer<>(registry, Topics.DEPLOYMENT_REPORTS.valueSchema()))) {
            consumer.subscribe(List.of(Topics.DEPLOYMENT_COMMANDS.name()));
            out.println(Ansi.AUTO.string("@|bold following|@ " + Topics.DEPLOYMENT_COMMANDS.name() + " on "
                    + bootstrapServers + (target == null ? "" : " for " + target) + " as " + deployerId));
            out.flush();
            while (running.get() && (maxCommands == 0 || handled < maxCommands)) {
                for (ConsumerRecord<String, DeploymentCommand> record : consumer.poll(Duration.ofMillis(500))) {
                    DeploymentCommand command = record.value();
                    if (command == null || (target != null && !target.equals(command.getTarget()))) {
                        continue;
                    }
                    out.println(Ansi.AUTO.string(String.format("[%d] @|bold %s %s|@ -> @|cyan %d%%|@  %s%s",
                            command.getSequence(), command.getTarget(), command.getVersion(),
                            command.getTrafficPercent(), command.getReason(),
                            command.getPreviousVersion() == null ? "" : "  (restore " + command.getPreviousVersion() + ")")));
                    producer.send(new ProducerRecord<>(Topics.DEPLOYMENT_REPORTS.name(), command.getTarget(),
                            applied(command))).get();
                    out.println(Ansi.AUTO.string("    @|green applied|@ and acknowledged"));
                    out.flush();
                    handled++;
                }
                consumer.commitSync();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            spec.commandLine().getErr().println(Ansi.AUTO.string("@|red,bold error|@ " + e.getMessage()
                    + ". Is Greenlight running? Start it with './greenlight up' or pass --bootstrap-servers/--registry-url."));
            return 3;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: we are exiting anyway
            }
        }
        return 0;
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
