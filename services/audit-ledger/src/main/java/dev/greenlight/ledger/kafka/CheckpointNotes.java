package dev.greenlight.ledger.kafka;

import dev.greenlight.events.EventMetadata;
import dev.greenlight.events.LedgerCheckpoint;
import dev.greenlight.events.LedgerCosignature;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.SignedNote;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ledger's checkpoints as C2SP signed notes and the witnesses' cosignatures on them, read from
 * the checkpoint and cosignature topics (committed records only). A stored note counts only when it
 * verifies with the ledger's note key and states exactly the checkpoint record it came with, so a
 * record slipped into the topic by someone else can never be served as the ledger's checkpoint.
 * Cosignatures are written here too, one acknowledged record each, after the caller checked them.
 */
public final class CheckpointNotes {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerConfig;
    private final AvroDeserializer<LedgerCheckpoint> checkpoints;
    private final AvroDeserializer<LedgerCosignature> cosignatures;
    private final Supplier<KafkaProducer<String, Object>> producers;
    private final NoteKey logKey;
    private volatile KafkaProducer<String, Object> producer;

    CheckpointNotes(Map<String, Object> baseConsumerConfig, SchemaRegistryClient registry,
            Supplier<KafkaProducer<String, Object>> producers, NoteKey logKey) {
        this.consumerConfig = new HashMap<>(baseConsumerConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.checkpoints = new AvroDeserializer<>(registry, Topics.LEDGER_CHECKPOINTS.valueSchema());
        this.cosignatures = new AvroDeserializer<>(registry, Topics.LEDGER_COSIGNATURES.valueSchema());
        this.producers = producers;
        this.logKey = logKey;
    }

    /** The key the ledger's notes are signed with, named by its origin. */
    public NoteKey logKey() {
        return logKey;
    }

    /** Every checkpoint that has a valid signed note, oldest first. */
    public List<SignedNote> signedNotes() {
        List<SignedNote> notes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.LEDGER_CHECKPOINTS)) {
            try {
                LedgerCheckpoint avro = checkpoints.deserialize(record.topic(), record.value());
                Optional<String> text = LedgerCodec.signedNote(avro);
                if (text.isEmpty()) {
                    continue;
                }
                SignedNote note = SignedNote.parse(text.get());
                Checkpoint checkpoint = LedgerCodec.fromAvro(avro);
                if (note.verifiedBy(logKey) && CheckpointNote.parse(note.text()).states(checkpoint)) {
                    notes.add(note);
                }
            } catch (SerializationException | NullPointerException | IllegalArgumentException e) {
                // not a checkpoint note the ledger signed: it vouches for nothing
            }
        }
        return notes;
    }

    /** The latest signed checkpoint note, without cosignatures. */
    public Optional<SignedNote> latest() {
        List<SignedNote> notes = signedNotes();
        return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1));
    }

    /** Every recorded cosignature, oldest first. */
    public List<RecordedCosignature> cosignatures() {
        List<RecordedCosignature> all = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.LEDGER_COSIGNATURES)) {
            try {
                LedgerCosignature avro = cosignatures.deserialize(record.topic(), record.value());
                all.add(new RecordedCosignature(avro.getTreeSize(), avro.getCheckpointText(), avro.getWitnessKey(),
                        avro.getSignatureLine(), avro.getCosignedAt(), avro.getMeta().getPrincipal()));
            } catch (SerializationException | NullPointerException e) {
                // unreadable: served nowhere
            }
        }
        return all;
    }

    /** Writes one cosignature and returns once Kafka acknowledged it. */
    public void record(RecordedCosignature recorded, Instant now) {
        LedgerCosignature cosignature = LedgerCosignature.newBuilder()
                .setMeta(new EventMetadata(UUID.randomUUID().toString(), now, recorded.submittedBy()))
                .setTarget(LedgerCodec.CHECKPOINT_TARGET)
                .setTreeSize(recorded.treeSize())
                .setCheckpointText(recorded.checkpointText())
                .setWitnessKey(recorded.witnessKey())
                .setSignatureLine(recorded.signatureLine())
                .setCosignedAt(recorded.cosignedAt())
                .build();
        try {
            producer().send(new ProducerRecord<>(Topics.LEDGER_COSIGNATURES.name(), 0, LedgerCodec.CHECKPOINT_TARGET,
                    cosignature)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a cosignature", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the cosignature: " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, Object> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** Closes the producer, if one was made. */
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(Topic<?> topic) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-ledger-notes-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }
}
