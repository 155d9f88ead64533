package dev.greenlight.ledger.kafka;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.events.ReleaseType;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Ed25519Keys;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroSerializer;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a valid ledger straight onto the ledger topics (entries chained by {@link LedgerState}, a
 * signed checkpoint after each call), continuing where the previous call stopped: a ledger for index
 * tests without running the writer. Every entry records a {@code ReleaseRegistered} of its own version.
 */
public final class LedgerTopicFixture {

    private final String servers;
    private final AvroSerializer<Object> releases;
    private final AvroSerializer<Object> ledger;
    private final AvroSerializer<Object> checkpoints;
    private final int schemaId;
    private final LedgerState state = new LedgerState(Topics.LEDGER.partitions());
    private final CheckpointSigner signer = new CheckpointSigner(Ed25519Keys.generate(),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    private final List<byte[]> leafHashes = new ArrayList<>();
    private final List<List<Entry>> uncovered = new ArrayList<>();
    private Checkpoint latest;
    private int count;

    public LedgerTopicFixture(String servers, SchemaRegistryClient registry) {
        this.servers = servers;
        this.releases = new AvroSerializer<>(registry, Topics.RELEASES.valueSchema());
        this.ledger = new AvroSerializer<>(registry, Topics.LEDGER.valueSchema());
        this.checkpoints = new AvroSerializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
        this.schemaId = registry.register(Topics.RELEASES.name() + "-value", Topics.RELEASES.valueSchema());
        for (int p = 0; p < Topics.LEDGER.partitions(); p++) {
            uncovered.add(new ArrayList<>());
        }
    }

    /** Appends {@code n} registrations of {@code target} (versions 1.0.n...) and a checkpoint over everything. */
    public void append(String target, int n) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++, count++) {
                int partition = count % Topics.LEDGER.partitions();
                byte[] payload = releases.serialize(Topics.RELEASES.name(), ReleaseRegistered.newBuilder()
                        .setMeta(new EventMetadata("reg-" + count, Instant.parse("2026-01-01T00:00:00Z")
                                .plusSeconds(count), "test"))
                        .setTarget(target).setVersion("1.0." + count).setReleaseType(ReleaseType.STRATEGY)
                        .setRevision("a".repeat(40)).setAuthor("alice").build());
                Entry entry = state.append(partition, new SourceEvent(target, Topics.RELEASES.name(), 0, count,
                        "reg-" + count, ReleaseRegistered.getClassSchema().getFullName(), schemaId, payload),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(count));
                uncovered.get(partition).add(entry);
                sent.add(producer.send(new ProducerRecord<>(Topics.LEDGER.name(), partition, target,
                        ledger.serialize(Topics.LEDGER.name(), LedgerCodec.toAvro(entry)))));
            }
            latest = state.checkpoint(signer);
            uncovered.forEach(partition -> {
                partition.forEach(e -> leafHashes.add(MerkleTree.leafHash(e.entryHash())));
                partition.clear();
            });
            sent.add(producer.send(new ProducerRecord<>(Topics.LEDGER_CHECKPOINTS.name(), 0, "ledger",
                    checkpoints.serialize(Topics.LEDGER_CHECKPOINTS.name(), LedgerCodec.toAvro(latest)))));
            producer.flush();
            // A send that failed must fail the test here, not show up later as a missing entry.
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fixture record was not written", e.getCause());
        }
    }

    /** Entries appended so far. */
    public int count() {
        return count;
    }

    /** The latest checkpoint appended. */
    public Checkpoint latest() {
        return latest;
    }

    /** Leaf hashes in tree order, as an auditor holding every entry computes them. */
    public List<byte[]> leafHashes() {
        return leafHashes;
    }
}
