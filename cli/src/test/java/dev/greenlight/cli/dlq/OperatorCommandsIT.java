package dev.greenlight.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.LocalKafkaBroker;
import dev.greenlight.cli.stack.StackConfig;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The operator's commands against one broker secured as production is (SASL, StandardAuthorizer,
 * no allow-everyone): {@code greenlight cluster setup} creates users, ACLs and every catalogue topic;
 * {@code greenlight dlq list | replay} shows and re-drives parked records, for the operator only — a
 * deployer or a service trying it is refused by the broker and nothing is written.
 */
class OperatorCommandsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private static LocalKafkaBroker broker;
    private static KafkaCredentials credentials;
    private static Admin admin;
    private static Path secrets;

    @BeforeAll
    static void startSecuredBrokerAndSetUpTheCluster() throws Exception {
        StackConfig ports = StackConfig.withFreePorts(dataDir);
        credentials = KafkaCredentials.loadOrGenerate(dataDir);
        broker = new LocalKafkaBroker(dataDir.resolve("kafka"), ports.kafkaPort(), ports.controllerPort(), credentials)
                .start(TIMEOUT);
        admin = Admin.create(broker.adminConfig(Map.of()));
        secrets = Files.createDirectories(dataDir.resolve("secrets"));
        List<String> users = new ArrayList<>(List.of(KafkaCredentials.ADMIN));
        for (KafkaUser user : KafkaUser.values()) {
            users.add(user.userName());
        }
        for (String user : users) {
            Files.writeString(secrets.resolve(KafkaCredentials.secretFileName(user)), credentials.password(user));
        }
        Run setup = run("cluster", "setup", "--bootstrap-servers", broker.bootstrapServers(), "--secrets-dir",
                secrets.toString(), "--replication-factor", "1", "--min-insync-replicas", "1");
        assertThat(setup.code()).as(setup.err()).isZero();
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void clusterSetupCreatedEveryCatalogueTopicWithItsSettings() throws Exception {
        assertThat(admin.listTopics().names().get()).containsAll(Topics.all().stream().map(Topic::name).toList());
        ConfigResource ledger = new ConfigResource(ConfigResource.Type.TOPIC, Topics.LEDGER.name());
        var config = admin.describeConfigs(List.of(ledger)).all().get().get(ledger);
        assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
        // Run again: existing topics are left alone, users and ACLs re-applied.
        assertThat(run("cluster", "setup", "--bootstrap-servers", broker.bootstrapServers(), "--secrets-dir",
                secrets.toString(), "--replication-factor", "1", "--min-insync-replicas", "1").code()).isZero();
    }

    @Test
    void onlyTheOperatorListsAndReplaysAParkedRecord_othersAreRefusedAndNothingIsWritten() throws Exception {
        byte[] value = {0, 0, 0, 0, 42, 1, 2, 3};
        String position = park("payments", value);
        long checksBefore = endOffsets(Topics.CHECKS.name());
        String credentialsFile = KafkaCredentials.file(dataDir).toString();

        for (String intruder : List.of(KafkaUser.DEPLOYER.userName(), KafkaUser.CHECK_INGEST.userName())) {
            Run list = run("dlq", "list", "--bootstrap-servers", broker.bootstrapServers(), "--kafka-user", intruder,
                    "--kafka-credentials", credentialsFile, "--timeout", "PT15S");
            assertThat(list.code()).as(intruder + " lists").isNotZero();
            assertThat(list.err()).contains("only the cluster's operator");
            Run replay = run("dlq", "replay", position, "--bootstrap-servers", broker.bootstrapServers(),
                    "--kafka-user", intruder, "--kafka-credentials", credentialsFile, "--timeout", "PT15S");
            assertThat(replay.code()).as(intruder + " replays").isNotZero();
            assertThat(replay.err()).contains("only the cluster's operator").contains("Nothing was written");
        }
        assertThat(endOffsets(Topics.CHECKS.name())).as("nothing written by a refused replay").isEqualTo(checksBefore);

        Run list = run("dlq", "list", "--bootstrap-servers", broker.bootstrapServers(), "--kafka-user", "admin",
                "--kafka-credentials", credentialsFile);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(position + "  " + Topics.CHECKS.name() + "-0@17  key=payments  bytes=8")
                .contains("unknown magic byte 0x7b");

        Run replay = run("dlq", "replay", position, "--bootstrap-servers", broker.bootstrapServers(),
                "--kafka-user", "admin", "--kafka-credentials", credentialsFile);
        assertThat(replay.code()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed " + position + " to " + Topics.CHECKS.name());
        assertThat(endOffsets(Topics.CHECKS.name())).isEqualTo(checksBefore + 1);
        ConsumerRecord<byte[], byte[]> replayed = lastRecord(Topics.CHECKS.name());
        assertThat(replayed.value()).isEqualTo(value);
        assertThat(new String(replayed.key(), StandardCharsets.UTF_8)).isEqualTo("payments");
        assertThat(new String(replayed.headers().lastHeader(DlqReplayCommand.REPLAYED_FROM).value(),
                StandardCharsets.UTF_8)).isEqualTo(Topics.DEAD_LETTER.name() + " " + position);
    }

    /** Parks a record as the services' recoverer does (as the super user), returning its position. */
    private static String park(String key, byte[] value) throws Exception {
        Map<String, Object> config = new HashMap<>(broker.adminConfig(Map.of()));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTER.name(), 0,
                    key.getBytes(StandardCharsets.UTF_8), value);
            record.headers().add("kafka_dlt-original-topic", Topics.CHECKS.name().getBytes(StandardCharsets.UTF_8));
            record.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
            record.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(17).array());
            record.headers().add("kafka_dlt-exception-message",
                    "cannot read record from topic greenlight.checks: unknown magic byte 0x7b, expected 0x00"
                            .getBytes(StandardCharsets.UTF_8));
            var metadata = producer.send(record).get();
            return metadata.partition() + ":" + metadata.offset();
        }
    }

    private static long endOffsets(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest()));
        return admin.listOffsets(specs).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    private static ConsumerRecord<byte[], byte[]> lastRecord(String topic) {
        Map<String, Object> config = new HashMap<>(broker.adminConfig(Map.of()));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            // The consumer is not thread-safe: poll it on this thread.
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
                return !all.isEmpty();
            });
            return all.get(all.size() - 1);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new GreenlightCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
    }
}
