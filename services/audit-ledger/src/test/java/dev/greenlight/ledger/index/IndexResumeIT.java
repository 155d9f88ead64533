package dev.greenlight.ledger.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.ledger.kafka.LedgerTail;
import dev.greenlight.ledger.kafka.LedgerTopicFixture;
import dev.greenlight.ledger.metrics.application.LedgerMetrics;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.platform.testing.InMemorySchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The on-disk index across restarts: it resumes from the offsets it stored (and sees what was
 * committed while it was down), it is rebuilt from offset 0 when its store is deleted or unreadable,
 * and the metrics fed from it count every release exactly once either way.
 */
@EmbeddedKafka(partitions = 3)
class IndexResumeIT {

    /** Ids are handed out per schema, so one registry serves every fixture of a test. */
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private String servers;
    private LedgerTopicFixture ledger;

    @TempDir
    Path dir;

    @BeforeEach
    void freshTopics(EmbeddedKafkaBroker broker) throws Exception {
        servers = broker.getBrokersAsString();
        recreateTopics();
    }

    private void recreateTopics() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            if (!admin.listTopics().names().get().isEmpty()) {
                admin.deleteTopics(admin.listTopics().names().get()).all().get();
            }
        }
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", servers))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                admin.createTopics(Stream.of(Topics.LEDGER, Topics.LEDGER_CHECKPOINTS)
                        .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1)).toList()).all().get();
                return true;
            });
        }
        ledger = new LedgerTopicFixture(servers, registry);
    }

    private record Running(IndexedLedger ledger, LedgerMetrics metrics) {
        long releases() {
            return metrics.report(null, null, null).releases().registered();
        }
    }

    private Running start() {
        LedgerMetrics metrics = new LedgerMetrics(new SimpleMeterRegistry(), Duration.ofDays(7));
        IndexedLedger indexed = new IndexedLedger(new LedgerTail(Map.of("bootstrap.servers", servers), registry),
                registry, new StaticListableBeanFactory(Map.of("metrics", metrics)).getBeanProvider(LedgerListener.class),
                LedgerIndex.open(dir, Topics.LEDGER.partitions()));
        return new Running(indexed, metrics);
    }

    @Test
    void aRestartResumesFromTheStoredOffsetsSeesWhatWasCommittedMeanwhileAndCountsNothingTwice() {
        ledger.append("ict-qm", 30);
        Running first = start();
        first.ledger().refresh();
        long[] stored = first.ledger().current().nextOffsets();
        assertThat(first.ledger().size()).isEqualTo(30);
        assertThat(first.releases()).isEqualTo(30);
        first.ledger().close();

        ledger.append("rl-policy", 12); // committed while the service is down
        Running second = start();
        assertThat(second.ledger().size()).as("read from disk before any refresh").isEqualTo(30);
        second.ledger().refresh();
        second.ledger().refresh();

        assertThat(stored).as("offsets stored with the entries").containsExactly(10, 10, 10);
        assertThat(second.ledger().size()).isEqualTo(42);
        assertThat(second.releases()).as("30 from disk + 12 new, none twice").isEqualTo(42);
        assertThat(second.ledger().query(new EntryQuery("rl-policy", null, null, null, 0, 50)).total()).isEqualTo(12);
        assertThat(second.ledger().query(new EntryQuery("ict-qm@1.0.7", null, null, null, 0, 50)).items())
                .singleElement().satisfies(e -> assertThat(e.sourceEventId()).isEqualTo("reg-7"));
        LedgerIndex index = second.ledger().current();
        assertThat(index.treeSize()).isEqualTo(42);
        assertThat(index.rootAt(42)).isEqualTo(ledger.latest().rootHash());
        assertThat(index.inclusionProof(17, 42)).containsExactlyElementsOf(
                MerkleTree.inclusionProof(ledger.leafHashes(), 17, 42));
        assertThat(index.consistencyProof(30, 42)).containsExactlyElementsOf(
                MerkleTree.consistencyProof(ledger.leafHashes(), 30, 42));
        second.ledger().close();
    }

    @Test
    void aDeletedStoreIsRebuiltFromOffsetZero() throws IOException {
        ledger.append("ict-qm", 9);
        Running first = start();
        first.ledger().refresh();
        first.ledger().close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
        }

        Running rebuilt = start();
        rebuilt.ledger().refresh();

        assertThat(rebuilt.ledger().size()).isEqualTo(9);
        assertThat(rebuilt.releases()).isEqualTo(9);
        assertThat(rebuilt.ledger().current().rootAt(9)).isEqualTo(ledger.latest().rootHash());
        rebuilt.ledger().close();
    }

    @Test
    void anUnreadableStoreIsRebuiltFromOffsetZero() throws IOException {
        ledger.append("ict-qm", 6);
        Running first = start();
        first.ledger().refresh();
        first.ledger().close();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("MANIFEST")
                    || p.getFileName().toString().equals("CURRENT")).toList()) {
                Files.writeString(file, "not a RocksDB file");
            }
        }

        Running rebuilt = start();
        rebuilt.ledger().refresh();

        assertThat(rebuilt.ledger().size()).isEqualTo(6);
        assertThat(rebuilt.releases()).isEqualTo(6);
        rebuilt.ledger().close();
    }

    @Test
    void anIndexOfARecreatedTopicIsRebuiltEvenWhenTheNewTopicIsLonger() throws Exception {
        ledger.append("ict-qm", 6);
        Running first = start();
        first.ledger().refresh();
        first.ledger().close();
        recreateTopics();
        ledger.append("rl-policy", 15);

        Running second = start();
        second.ledger().refresh();

        assertThat(second.ledger().size()).isEqualTo(15);
        assertThat(second.ledger().query(new EntryQuery("ict-qm", null, null, null, 0, 50)).total()).isZero();
        assertThat(second.ledger().query(new EntryQuery("rl-policy", null, null, null, 0, 50)).total()).isEqualTo(15);
        assertThat(second.releases()).isEqualTo(15);
        assertThat(second.ledger().current().rootAt(15)).isEqualTo(ledger.latest().rootHash());
        second.ledger().close();
    }
}
