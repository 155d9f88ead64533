package dev.greenlight.ledger.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.KillSwitchActivated;
import dev.greenlight.events.KillSwitchSource;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerEntry;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.ledger.LedgerServiceTestBase;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.domain.LedgerSnapshot;
import dev.greenlight.ledger.domain.ResumePoint;
import dev.greenlight.ledger.verify.LedgerVerifier;
import dev.greenlight.ledger.verify.VerificationReport;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import dev.greenlight.platform.testing.TopicProbe;
import dev.greenlight.platform.topics.Topics;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Exactly one ledger entry per source event, with a valid chain and signed checkpoints, across a
 * writer restart and a crash inside a transaction.
 */
@SpringBootTest(properties = {
        "spring.config.name=" + AuditLedgerApplication.CONFIG_NAME,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "greenlight.ledger.checkpoint.every-entries=7",
        "greenlight.ledger.checkpoint.every=1s",
        "greenlight.ledger.poll-timeout=200ms"})
@EmbeddedKafka
@Import({InMemoryRegistryConfiguration.class, LedgerWriterIT.TestClock.class})
class LedgerWriterIT extends LedgerServiceTestBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        FlakyClock clock() {
            return new FlakyClock();
        }
    }

    @Autowired
    LedgerWriterLifecycle writer;
    @Autowired
    LedgerWriter ledgerWriter;
    @Autowired
    FlakyClock clock;
    @Autowired
    LedgerTopicReader reader;
    @Autowired
    KeyPair keys;
    @Autowired
    SchemaRegistryClient registry;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final List<String> published = new ArrayList<>();

    @Test
    void recordsEverySourceEventExactlyOnceAcrossRestartAndCrash() {
        publish(0, 20);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordedOnce().size() == 20);

        writer.stop();
        publish(20, 35);
        clock.failOnceAfter(3);
        writer.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> recordedOnce().size() == 35
                && lastCheckpointSize() == ledgerEntries().size());
        assertThat(clock.failed()).as("the injected crash happened").isTrue();

        List<LedgerEntry> mine = ledgerEntries().stream().filter(e -> published.contains(e.getSourceEventId()))
                .toList();
        assertThat(mine).as("one entry per source event, no duplicates").hasSize(35);
        assertThat(mine.stream().map(e -> e.getSourceTopic() + "-" + e.getSourcePartition() + "@"
                + e.getSourceOffset()).collect(Collectors.toSet())).hasSize(35);

        LedgerSnapshot snapshot = reader.get();
        VerificationReport report = new LedgerVerifier(keys.getPublic()).verify(snapshot.partitions(),
                snapshot.checkpoints());
        assertThat(report.failure()).isEmpty();
        assertThat(report.entries()).isEqualTo(ledgerEntries().size());
        assertThat(report.treeSize()).isEqualTo(report.entries());
        assertThat(report.checkpoints()).isGreaterThanOrEqualTo(5);
        assertThat(ledgerWriter.lastRestore().fromResumePoint())
                .as("the restart and the restore after the crash resumed from a committed checkpoint").isTrue();
    }

    @Test
    void aRestartAfterACleanStopResumesFromTheLastCheckpointWithoutReadingTheLedger() {
        publish(100, 115);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordedOnce().size() == 15
                && lastCheckpointSize() == ledgerEntries().size());
        int before = ledgerEntries().size();

        writer.stop();
        writer.start();
        publish(115, 120);
        await().atMost(Duration.ofSeconds(60)).until(() -> recordedOnce().size() == 20
                && lastCheckpointSize() == ledgerEntries().size());

        LedgerWriter.Restored restored = ledgerWriter.lastRestore();
        assertThat(restored.fromResumePoint()).isTrue();
        assertThat(restored.recordsRead()).as("nothing was pending after the last checkpoint of %d entries", before)
                .isZero();
        assertVerifiesWithOneEntryPerEvent(20);
    }

    /**
     * Someone allowed to commit the writer's offsets (not to sign checkpoints) rewrites the resume point
     * three ways: a tree that is not the signed one, a head entry at another offset (so the writer would
     * skip or repeat entries of a chain), a checkpoint at another offset. Each time the writer refuses the
     * point, reads the whole ledger from the beginning and goes on with one valid chain.
     */
    @Test
    void aForgedResumePointIsRefusedAndTheWriterRestoresFromTheBeginning() throws Exception {
        Map<String, UnaryOperator<ResumePoint>> forgeries = new LinkedHashMap<>();
        forgeries.put("a tree that is not the signed one", real -> {
            List<byte[]> peaks = new ArrayList<>(real.peaks());
            peaks.set(0, new byte[32]);
            return new ResumePoint(real.checkpointOffset(), real.treeSize(), peaks, real.heads(), real.headOffsets());
        });
        forgeries.put("a head entry at another offset", real -> {
            long[] offsets = real.headOffsets();
            int partition = IntStream.range(0, offsets.length).filter(p -> offsets[p] > 0).findFirst().orElseThrow();
            offsets[partition]--;
            return new ResumePoint(real.checkpointOffset(), real.treeSize(), real.peaks(), real.heads(), offsets);
        });
        forgeries.put("a checkpoint at another offset", real -> new ResumePoint(real.checkpointOffset() - 1,
                real.treeSize(), real.peaks(), real.heads(), real.headOffsets()));

        int events = 0;
        for (Map.Entry<String, UnaryOperator<ResumePoint>> forgery : forgeries.entrySet()) {
            publish(200 + events, 210 + events);
            events += 10;
            int expected = events;
            await().atMost(Duration.ofSeconds(60)).until(() -> recordedOnce().size() == expected
                    && lastCheckpointSize() == ledgerEntries().size());
            writer.stop();
            commitResumePoint(forgery.getValue());
            int before = ledgerEntries().size();

            writer.start();
            publish(200 + events, 203 + events);
            events += 3;
            int expectedAfter = events;
            await().atMost(Duration.ofSeconds(60)).until(() -> recordedOnce().size() == expectedAfter
                    && lastCheckpointSize() == ledgerEntries().size());

            LedgerWriter.Restored restored = ledgerWriter.lastRestore();
            assertThat(restored.fromResumePoint()).as(forgery.getKey()).isFalse();
            assertThat(restored.recordsRead()).as("%s: the whole ledger, read from the beginning", forgery.getKey())
                    .isEqualTo(before);
            assertVerifiesWithOneEntryPerEvent(events);
        }
    }

    /** Replaces the committed resume point on the carrier partition by {@code forge} applied to it. */
    private void commitResumePoint(UnaryOperator<ResumePoint> forge) throws Exception {
        TopicPartition carrier = new TopicPartition(SourceTopics.all().get(0).name(), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(LedgerKafkaConfiguration.GROUP_ID)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(carrier);
            ResumePoint forged = forge.apply(ResumeMetadata.decode(committed.metadata()).orElseThrow());
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(LedgerKafkaConfiguration.GROUP_ID, Map.of(carrier,
                        new OffsetAndMetadata(committed.offset(), ResumeMetadata.encode(forged))))
                        .all().get(30, TimeUnit.SECONDS);
                return true;
            });
        }
    }

    private void assertVerifiesWithOneEntryPerEvent(int events) {
        List<LedgerEntry> mine = ledgerEntries().stream().filter(e -> published.contains(e.getSourceEventId()))
                .toList();
        assertThat(mine).as("one entry per source event, no duplicates").hasSize(events);
        LedgerSnapshot snapshot = reader.get();
        VerificationReport report = new LedgerVerifier(keys.getPublic()).verify(snapshot.partitions(),
                snapshot.checkpoints());
        assertThat(report.failure()).isEmpty();
        assertThat(report.treeSize()).isEqualTo(report.entries()).isEqualTo(ledgerEntries().size());
    }

    private Set<String> recordedOnce() {
        return ledgerEntries().stream().map(LedgerEntry::getSourceEventId).filter(published::contains)
                .collect(Collectors.toSet());
    }

    @Test
    void keepsTheOriginalWireFormatBytes() {
        String eventId = publishKillSwitch("bytes-target", 999);
        await().atMost(Duration.ofSeconds(60)).until(() -> reader.get().allEntries().stream()
                .anyMatch(e -> e.sourceEventId().equals(eventId)));

        Entry entry = reader.get().allEntries().stream().filter(e -> e.sourceEventId().equals(eventId))
                .findFirst().orElseThrow();
        assertThat(entry.eventType()).isEqualTo(KillSwitchActivated.getClassSchema().getFullName());
        assertThat(entry.payload()[0]).isZero();
        Object decoded = new dev.greenlight.platform.serde.AvroDeserializer<>(registry,
                Topics.KILL_SWITCH.valueSchema()).deserialize(Topics.KILL_SWITCH.name(), entry.payload());
        assertThat(((KillSwitchActivated) decoded).getMeta().getEventId()).isEqualTo(eventId);
    }

    private void publish(int from, int to) {
        for (int i = from; i < to; i++) {
            if (i % 2 == 0) {
                published.add(publishKillSwitch("target-" + (i % 4), i));
            } else {
                String id = UUID.randomUUID().toString();
                publisher.publish(Topics.APPROVALS, "target-" + (i % 4), ApprovalGranted.newBuilder()
                        .setMeta(new EventMetadata(id, Instant.parse("2026-01-01T00:00:00Z"), "alice"))
                        .setTarget("target-" + (i % 4)).setApprovalId("a-" + i).setVersion("1.0." + i)
                        .setRole("risk").setApprover("alice").build());
                published.add(id);
            }
        }
    }

    private String publishKillSwitch(String target, int i) {
        String id = UUID.randomUUID().toString();
        publisher.publish(Topics.KILL_SWITCH, target, KillSwitchActivated.newBuilder()
                .setMeta(new EventMetadata(id, Instant.parse("2026-01-01T00:00:00Z"), "bob"))
                .setTarget(target).setReason("drill " + i).setActivatedBy("bob").setSource(KillSwitchSource.MANUAL)
                .build());
        return id;
    }

    private List<LedgerEntry> ledgerEntries() {
        return TopicProbe.readAll(brokers, Topics.LEDGER, registry).stream().map(ConsumerRecord::value)
                .toList();
    }

    private long lastCheckpointSize() {
        List<ConsumerRecord<String, LedgerCheckpoint>> checkpoints =
                TopicProbe.readAll(brokers, Topics.LEDGER_CHECKPOINTS, registry);
        return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1).value().getTreeSize();
    }
}
