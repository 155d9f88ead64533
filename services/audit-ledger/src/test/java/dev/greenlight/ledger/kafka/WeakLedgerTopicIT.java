package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.platform.kafka.WeakTopicSettingsException;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.topics.Topics;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Somebody created the ledger topic with a finite retention (entries would expire, and the audit
 * trail with them): the audit-ledger refuses to start, naming {@code retention.ms}, and records
 * nothing, although a source record is waiting to be recorded.
 */
@EmbeddedKafka
class WeakLedgerTopicIT {

    @TempDir
    Path keyDir;

    @Test
    void aLedgerTopicWithFiniteRetentionRefusesTheStartNamingRetentionMsAndNothingIsWritten(EmbeddedKafkaBroker kafka)
            throws Exception {
        String brokers = kafka.getBrokersAsString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<String, String> weak = new HashMap<>(Topics.LEDGER.configs());
            weak.put("retention.ms", "604800000");
            admin.createTopics(List.of(
                    new NewTopic(Topics.LEDGER.name(), Topics.LEDGER.partitions(), (short) 1).configs(weak),
                    new NewTopic(Topics.CHECKS.name(), Topics.CHECKS.partitions(), (short) 1)
                            .configs(Topics.CHECKS.configs()))).all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CHECKS.name(), "payments".getBytes(), new byte[] {0, 0, 0, 0, 7}))
                    .get();
        }

        assertThatThrownBy(() -> AuditLedgerApplication.builder()
                .sources(InMemoryRegistryConfiguration.class)
                .run("--spring.kafka.bootstrap-servers=" + brokers, "--server.port=0",
                        "--greenlight.ledger.key-dir=" + keyDir, "--greenlight.ledger.generate-key=true"))
                .rootCause()
                .isInstanceOf(WeakTopicSettingsException.class)
                .hasMessageContaining("greenlight.ledger: retention.ms is 604800000, must be -1");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetSpec> ends = java.util.stream.IntStream.range(0, Topics.LEDGER.partitions())
                    .mapToObj(p -> new TopicPartition(Topics.LEDGER.name(), p))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            assertThat(admin.listOffsets(ends).all().get().values())
                    .as("nothing recorded on the weak ledger topic").allMatch(info -> info.offset() == 0);
        }
    }
}
