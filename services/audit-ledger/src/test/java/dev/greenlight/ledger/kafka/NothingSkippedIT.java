package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerPartitionHead;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.Failure;
import dev.greenlight.ledger.verify.LedgerItem;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.OutageSchemaRegistry;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The ledger accounts for every offset of every source topic, against a real broker: a registry
 * outage delays records but never loses one (no offset is committed past the waiting record, health
 * goes DOWN and back UP), undecodable records and dead letters become entries with their reason and
 * the ledger still verifies, a source record without an entry is named by verify, and a forged
 * checkpoint record neither misleads nor stalls the writer. Ordered: the forged checkpoint, which
 * verify rightly reports from then on, comes last.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every-entries=5",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms",
        "greenlight.ledger.registry-outage-down-after=2s",
        "greenlight.ledger.registry-retry=200ms"})
@EmbeddedKafka
@Import(NothingSkippedIT.Registry.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NothingSkippedIT extends LedgerServiceTestBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        OutageSchemaRegistry schemaRegistryClient() {
            return new OutageSchemaRegistry();
        }
    }

    @Autowired
    OutageSchemaRegistry registry;
    @Autowired
    LedgerWriterLifecycle writer;
    @Autowired
    LedgerWriterHealthIndicator health;
    @Autowired
    LedgerTopicReader ledger;
    @Autowired
    SourceCompleteness completeness;
    @Autowired
    KeyPair keys;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    @Order(1)
    void aRegistryOutageDelaysRecordsButLosesNone() {
        String before = publishKillSwitch("outage");
        await().atMost(Duration.ofSeconds(60)).until(() -> recorded(before).isPresent());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        registry.down();
        List<String> during = new ArrayList<>();
        List<RecordMetadata> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            written.add(publisher.publish(Topics.KILL_SWITCH, "outage", killSwitch(id)));
            during.add(id);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> health.health().getStatus().equals(Status.DOWN));
        assertThat(health.health().getDetails().get("reason").toString()).contains("schema registry unavailable");
        // Down for a while: none of them is recorded and the writer's position has not passed the first.
        TopicPartition source = new TopicPartition(Topics.KILL_SWITCH.name(), written.get(0).partition());
        long first = written.stream().mapToLong(RecordMetadata::offset).min().orElseThrow();
        assertThat(completeness.positions().get(source)).as("committed position during the outage")
                .isLessThanOrEqualTo(first);

        registry.up();
        await().atMost(Duration.ofSeconds(60)).until(() -> during.stream().allMatch(id -> recorded(id).isPresent()));
        await().atMost(Duration.ofSeconds(30)).until(() -> health.health().getStatus().equals(Status.UP));
        for (RecordMetadata metadata : written) {
            Entry entry = ledger.get().allEntries().stream()
                    .filter(e -> e.sourceTopic().equals(metadata.topic()) && e.sourcePartition() == metadata.partition()
                            && e.sourceOffset() == metadata.offset())
                    .findFirst().orElseThrow();
            assertThat(entry.undecodable()).as("decoded once the registry answered").isFalse();
        }
        assertThat(verify()).isEmpty();
    }

    @Test
    @Order(2)
    void undecodableRecordsAndDeadLettersBecomeEntriesWithTheirReason() throws Exception {
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array();
        RecordMetadata garbage;
        RecordMetadata unknown;
        RecordMetadata tombstone;
        RecordMetadata deadLetter;
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers), new ByteArraySerializer(), new ByteArraySerializer())) {
            garbage = raw.send(new ProducerRecord<>(Topics.CHECKS.name(), bytes("svc"), bytes("not avro"))).get();
            unknown = raw.send(new ProducerRecord<>(Topics.ALERTS.name(), bytes("svc"), unknownId)).get();
            tombstone = raw.send(new ProducerRecord<>(Topics.RELEASES.name(), bytes("svc"), null)).get();
            ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(Topics.DEAD_LETTER.name(), bytes("svc"),
                    bytes("\u0001junk"));
            parked.headers().add("kafka_dlt-original-topic", bytes(Topics.CHECKS.name()));
            parked.headers().add("kafka_dlt-exception-message", bytes("unknown magic byte 0x01"));
            deadLetter = raw.send(parked).get();
        }

        assertThat(reasonAt(garbage)).contains("magic byte");
        assertThat(reasonAt(unknown)).contains("unknown schema id 987654");
        assertThat(reasonAt(tombstone)).contains("tombstone");
        assertThat(reasonAt(deadLetter)).contains("dead-letter record from greenlight.checks")
                .contains("unknown magic byte 0x01");
        await().atMost(Duration.ofSeconds(30)).until(() -> verify().isEmpty());
    }

    @Test
    @Order(3)
    void verifyNamesASourceRecordTheLedgerHasNoEntryFor() {
        String id = publishKillSwitch("gap");
        await().atMost(Duration.ofSeconds(60)).until(() -> recorded(id).isPresent());
        Entry dropped = recorded(id).orElseThrow();
        Map<TopicPartition, Long> positions = completeness.positions();
        LedgerSnapshot whole = ledger.get();
        assertThat(completeness.check(whole, positions)).isEmpty();

        // The same ledger with that one entry gone (what deleting it from a doctored topic leaves).
        List<List<LedgerItem>> doctored = whole.partitions().stream()
                .map(items -> items.stream().filter(item -> !(item instanceof LedgerItem.Recorded r
                        && r.entry().equals(dropped))).toList())
                .toList();
        Optional<Failure> gap = completeness.check(new LedgerSnapshot(doctored, whole.checkpoints()), positions);

        assertThat(gap).isPresent();
        assertThat(gap.get().reason()).isEqualTo(Failure.Reason.SOURCE_OFFSET_UNRECORDED);
        String location = dropped.sourceTopic() + "-" + dropped.sourcePartition() + "@" + dropped.sourceOffset();
        assertThat(gap.get().location()).isEqualTo(location);
        assertThat(gap.get().detail()).startsWith("1 source record(s)");
    }

    @Test
    @Order(4)
    void aForgedCheckpointIsIgnoredCountedAndDoesNotStallTheWriter() {
        // Signed by nobody we know, and claiming heads far beyond the chains: a restore that trusted it
        // would fail on every attempt.
        byte[] zero = new byte[32];
        publisher.publish(Topics.LEDGER_CHECKPOINTS, LedgerCodec.CHECKPOINT_TARGET, LedgerCheckpoint.newBuilder()
                .setMeta(new EventMetadata("forged", Instant.now(), "mallory"))
                .setTarget(LedgerCodec.CHECKPOINT_TARGET).setTreeSize(1_000_000)
                .setRootHash(ByteBuffer.wrap(zero))
                .setPartitionHeads(List.of(new LedgerPartitionHead(0, 999_999L, ByteBuffer.wrap(zero))))
                .setSignedAt(Instant.now()).setPublicKeyId("0000000000000000")
                .setSignature(ByteBuffer.wrap(new byte[64])).build());
        writer.stop();
        writer.start();

        String after = publishKillSwitch("after-forgery");
        await().atMost(Duration.ofSeconds(60)).until(() -> recorded(after).isPresent());
        assertThat(meters.counter(TrustedCheckpoints.IGNORED_METRIC, "reason", "bad-signature").count())
                .isGreaterThanOrEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        // An auditor is still told about it.
        assertThat(verify()).map(Failure::reason).contains(Failure.Reason.CHECKPOINT_SIGNATURE_INVALID);
    }

    private Optional<Failure> verify() {
        Map<TopicPartition, Long> positions = completeness.positions();
        LedgerSnapshot snapshot = ledger.get();
        VerificationReport report = new LedgerVerifier(keys.getPublic()).verify(snapshot.partitions(),
                snapshot.checkpoints());
        return report.failure().or(() -> completeness.check(snapshot, positions));
    }

    private String reasonAt(RecordMetadata metadata) {
        await().atMost(Duration.ofSeconds(60)).until(() -> entryAt(metadata).isPresent());
        Entry entry = entryAt(metadata).orElseThrow();
        assertThat(entry.undecodable()).isTrue();
        assertThat(entry.schemaId()).isEqualTo(Entry.UNDECODABLE_SCHEMA_ID);
        return entry.reason();
    }

    private Optional<Entry> entryAt(RecordMetadata metadata) {
        return ledger.get().allEntries().stream()
                .filter(e -> e.sourceTopic().equals(metadata.topic()) && e.sourcePartition() == metadata.partition()
                        && e.sourceOffset() == metadata.offset())
                .findFirst();
    }

    private Optional<Entry> recorded(String eventId) {
        return ledger.get().allEntries().stream().filter(e -> e.sourceEventId().equals(eventId)).findFirst();
    }

    private String publishKillSwitch(String target) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Topics.KILL_SWITCH, target, killSwitch(id));
        return id;
    }

    private static KillSwitchActivated killSwitch(String id) {
        return KillSwitchActivated.newBuilder()
                .setMeta(new EventMetadata(id, Instant.parse("2026-01-01T00:00:00Z"), "bob"))
                .setTarget("outage").setReason("drill").setActivatedBy("bob").setSource(KillSwitchSource.MANUAL)
                .build();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
