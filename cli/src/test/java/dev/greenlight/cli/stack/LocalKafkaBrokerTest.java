package dev.greenlight.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = Topics.DEAD_LETTER.name();

    @TempDir
    Path dataDir;

    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDataDir() throws Exception {
        StackConfig ports = StackConfig.withFreePorts(dataDir);

        try (LocalKafkaBroker broker = startBroker(ports)) {
            try (Admin admin = Admin.create(broker.adminConfig(Map.of()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.adminConfig(Map.of()),
                    new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "payments-api", bytes("first"))).get();
            }
            assertThat(readAll(broker)).containsExactly("payments-api=first");
        }

        try (LocalKafkaBroker restarted = startBroker(ports)) {
            try (Admin admin = Admin.create(restarted.adminConfig(Map.of()))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(readAll(restarted)).containsExactly("payments-api=first");
        }
    }

    @Test
    void credentialsAreGeneratedOnceReadableByTheOwnerOnlyAndReused() throws Exception {
        KafkaCredentials first = KafkaCredentials.loadOrGenerate(dataDir);
        Path file = KafkaCredentials.file(dataDir);
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        KafkaCredentials again = KafkaCredentials.loadOrGenerate(dataDir);
        for (KafkaUser user : KafkaUser.values()) {
            assertThat(again.password(user.userName())).isEqualTo(first.password(user.userName())).hasSizeGreaterThan(30);
        }
        assertThat(again.password(KafkaCredentials.ADMIN)).isEqualTo(first.password(KafkaCredentials.ADMIN))
                .isNotEqualTo(first.password(KafkaUser.DEPLOYER.userName()));
    }

    private LocalKafkaBroker startBroker(StackConfig ports) {
        return new LocalKafkaBroker(dataDir.resolve("kafka"), ports.kafkaPort(), ports.controllerPort(),
                KafkaCredentials.loadOrGenerate(dataDir)).start(START_TIMEOUT);
    }

    private static List<String> readAll(LocalKafkaBroker broker) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(broker.adminConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false")),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + new String(record.value(), StandardCharsets.UTF_8));
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
