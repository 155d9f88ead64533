package dev.greenlight.cli.dlq;

import dev.greenlight.cli.deploy.KafkaLoginOptions;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight dlq replay 1:42 ...}: writes parked records back to the topic they came from,
 * key and value bytes unchanged, with a {@value #REPLAYED_FROM} header naming the parked position,
 * so their consumers read them again (after the fix that makes them processable). Only the cluster's
 * operator may: the ACLs let nobody else read the dead-letter topic, and every catalogue topic only
 * its owning service — a service, a deployer or anybody else is refused by the broker and nothing
 * is written. A record whose origin is not a catalogue topic is not replayed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Write parked records back to their origin topic (log in as the operator: --kafka-user admin).")
final class DlqReplayCommand implements Callable<Integer> {

    /** Header on a replayed record: the dead-letter position it was parked at. */
    static final String REPLAYED_FROM = "greenlight-replayed-from";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PARTITION:OFFSET", description = "Positions as 'dlq list' prints them.")
    List<String> positions;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:GREENLIGHT_KAFKA:-localhost:9092}",
            description = "Kafka bootstrap servers (env GREENLIGHT_KAFKA, default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--timeout", defaultValue = "PT30S", description = "How long to wait for Kafka (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    KafkaLoginOptions kafkaLogin;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> login = kafkaLogin.clientProperties();
        List<ParkedRecord> parked;
        try {
            parked = DeadLetterReader.readAll(bootstrapServers, login, timeout);
        } catch (AuthorizationException e) {
            return refused(e);
        }
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
        int failed = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String position : positions) {
                Optional<ParkedRecord> record = parked.stream().filter(p -> p.position().equals(position)).findFirst();
                if (record.isEmpty()) {
                    spec.commandLine().getErr().println("dlq: no parked record at " + position + " (see 'dlq list')");
                    failed++;
                    continue;
                }
                String origin = record.get().originTopic();
                if (origin == null || Topics.byName(origin).isEmpty() || origin.equals(Topics.DEAD_LETTER.name())) {
                    spec.commandLine().getErr().println("dlq: " + position + " has no catalogue origin topic ("
                            + origin + "); not replayed");
                    failed++;
                    continue;
                }
                ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(origin, record.get().key(),
                        record.get().value());
                out.headers().add(REPLAYED_FROM, (Topics.DEAD_LETTER.name() + " " + position)
                        .getBytes(StandardCharsets.UTF_8));
                try {
                    RecordMetadata written = producer.send(out).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    spec.commandLine().getOut().println("replayed " + position + " to " + origin + "-"
                            + written.partition() + "@" + written.offset());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AuthorizationException denied) {
                        return refused(denied);
                    }
                    throw e;
                }
            }
        }
        return failed == 0 ? 0 : CommandLine.ExitCode.SOFTWARE;
    }

    private int refused(AuthorizationException e) {
        spec.commandLine().getErr().println("dlq: refused by the cluster (" + e.getMessage()
                + "); only the cluster's operator may replay parked records: --kafka-user admin. Nothing was written.");
        return CommandLine.ExitCode.SOFTWARE;
    }
}
