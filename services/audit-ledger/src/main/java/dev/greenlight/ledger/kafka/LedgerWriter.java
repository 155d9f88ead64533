package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointNoteSigner;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.platform.registry.SchemaRegistryException;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single ledger writer: reads every source topic as raw bytes and appends exactly one entry per
 * source record, exactly once.
 *
 * <p><b>Why plain Kafka transactions and not Kafka Streams exactly_once_v2.</b> The chain heads are
 * per ledger partition, but the Merkle tree and its signed checkpoints span all partitions, and a
 * checkpoint must be committed atomically with the entries it covers. Streams would split the work
 * into one task per partition, each with its own transaction and no shared state, so no task could
 * sign a root over the others' entries. One consume-transform-produce loop over all partitions does
 * it directly: each transaction holds the new entries of one or more polls (up to
 * {@code max-records-per-transaction}), an optional checkpoint and the source offsets
 * ({@code sendOffsetsToTransaction}); readers use {@code read_committed}.
 *
 * <p><b>State.</b> Chain heads and the Merkle tree live only in memory and are rebuilt from the
 * committed ledger and checkpoint topics at start and after every aborted transaction, so they can
 * never disagree with what Kafka committed. The fixed {@code transactional.id} fences any older or
 * second writer, which keeps the writer single.
 *
 * <p><b>Nothing skipped.</b> Every source record becomes an entry, an undecodable one (with its
 * reason) included. The one record that does not is one that cannot be decoded <i>yet</i> because
 * the schema registry does not answer: the transaction then commits only what came before it (the
 * source position never passes it), the consumer is rewound to it, and the writer retries with
 * backoff; {@link LedgerWriterStatus} makes the outage visible as health DOWN after a while.
 */
final class LedgerWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    /** Pause before retrying after a failure, so a broker outage does not become a busy loop. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
    private final Supplier<KafkaProducer<String, Object>> producers;
    private final LedgerTopicReader ledger;
    private final SourceEventReader reader;
    private final CheckpointSigner signer;
    private final CheckpointNoteSigner notes;
    private final LedgerProperties properties;
    private final Clock clock;
    private final LedgerWriterStatus status;
    private final TrustedCheckpoints trusted;
    private final AtomicLong appended = new AtomicLong();
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    LedgerWriter(Supplier<KafkaConsumer<byte[], byte[]>> consumers, Supplier<KafkaProducer<String, Object>> producers,
            LedgerTopicReader ledger, SourceEventReader reader, CheckpointSigner signer,
            CheckpointNoteSigner notes, LedgerProperties properties, Clock clock, LedgerWriterStatus status,
            TrustedCheckpoints trusted) {
        this.consumers = consumers;
        this.producers = producers;
        this.ledger = ledger;
        this.reader = reader;
        this.signer = signer;
        this.notes = notes;
        this.properties = properties;
        this.clock = clock;
        this.status = status;
        this.trusted = trusted;
    }

    @Override
    public void run() {
        while (running) {
            // A fresh producer per attempt: initTransactions fences and aborts whatever a failed
            // attempt (or a crashed previous process) left open under the same transactional.id.
            try (KafkaProducer<String, Object> producer = producers.get();
                    KafkaConsumer<byte[], byte[]> source = consumers.get()) {
                consumer = source;
                producer.initTransactions();
                source.subscribe(SourceTopics.all().stream().map(Topic::name).toList());
                appendUntilStopped(source, producer, restore());
            } catch (ProducerFencedException e) {
                log.error("Another ledger writer with transactional.id {} took over; this one stops",
                        properties.transactionalId());
                return;
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Ledger transaction failed, resuming from the committed ledger: {}", e.toString());
                    if (SchemaRegistryException.isRegistryUnavailable(e)) {
                        status.registryUnavailable(e.getMessage());
                    } else {
                        status.failed(e.toString());
                    }
                    LockSupport.parkNanos(RETRY_PAUSE.toNanos());
                }
            }
        }
    }

    private LedgerState restore() {
        // Streamed, not loaded: a restart must not need the whole ledger on the heap. Only checkpoints
        // signed by a key of the ring, whose heads lie on the chain and whose size follows from the previous
        // trusted one, count.
        LedgerState state = ledger.restoreState(skipped -> log.warn("Ignoring on restore: {}", skipped),
                trusted::filter, trusted::inconsistent);
        log.info("Ledger resumed at {} (checkpointed tree size {}, {} pending)", state.nextSequences(),
                state.treeSize(), state.pendingCount());
        return state;
    }

    private void appendUntilStopped(KafkaConsumer<byte[], byte[]> source, KafkaProducer<String, Object> producer,
            LedgerState state) {
        Instant lastCheckpoint = clock.instant();
        Duration every = properties.checkpoint().every();
        Duration backoff = properties.registryRetry();
        while (running) {
            ConsumerRecords<byte[], byte[]> records = source.poll(properties.pollTimeout());
            boolean checkpointDue = state.pendingCount() > 0
                    && !clock.instant().isBefore(lastCheckpoint.plus(every));
            if (records.isEmpty() && !checkpointDue) {
                if (caughtUp(source)) {
                    status.progressed();
                }
                continue;
            }
            RegistryUnavailableException outage = null;
            producer.beginTransaction();
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                long count = 0;
                int taken = 0;
                // Records already fetched join the open transaction (poll(0) does not wait), so a backlog
                // commits in large transactions while a quiet ledger still commits each poll at once.
                while (!records.isEmpty()) {
                    // Where to read again from, per source partition, once a record met a silent registry.
                    Map<TopicPartition, Long> rewind = null;
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        TopicPartition origin = new TopicPartition(record.topic(), record.partition());
                        if (rewind != null) {
                            rewind.putIfAbsent(origin, record.offset());
                            continue;
                        }
                        SourceEvent event;
                        try {
                            event = reader.read(record);
                        } catch (RegistryUnavailableException e) {
                            outage = e;
                            rewind = new HashMap<>();
                            rewind.put(origin, record.offset());
                            continue;
                        }
                        int partition = LedgerPartitioner.partition(event.target(), Topics.LEDGER.partitions());
                        Entry entry = state.append(partition, event, clock.instant());
                        producer.send(new ProducerRecord<>(Topics.LEDGER.name(), partition, entry.target(),
                                LedgerCodec.toAvro(entry)));
                        count++;
                        offsets.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                        if (state.pendingCount() >= properties.checkpoint().everyEntries()) {
                            sendCheckpoint(producer, state);
                            lastCheckpoint = clock.instant();
                        }
                    }
                    if (rewind != null) {
                        // Nothing at or after the undecoded record joins this transaction, and its
                        // offset is not committed: the consumer reads it (and what followed) again.
                        rewind.forEach(source::seek);
                        break;
                    }
                    taken += records.count();
                    records = taken < properties.maxRecordsPerTransaction() ? source.poll(Duration.ZERO)
                            : ConsumerRecords.empty();
                }
                if (state.pendingCount() > 0 && !clock.instant().isBefore(lastCheckpoint.plus(every))) {
                    sendCheckpoint(producer, state);
                    lastCheckpoint = clock.instant();
                }
                if (!offsets.isEmpty()) {
                    producer.sendOffsetsToTransaction(offsets, source.groupMetadata());
                }
                producer.commitTransaction();
                appended.addAndGet(count);
                if (count > 0 || outage == null) {
                    status.progressed();
                }
            } catch (ProducerFencedException e) {
                throw e;
            } catch (RuntimeException e) {
                abortQuietly(producer);
                throw e;
            }
            if (outage != null) {
                status.registryUnavailable(outage.getMessage());
                log.warn("{}; reading it again in {} ms", outage.getMessage(), backoff.toMillis());
                LockSupport.parkNanos(backoff.toNanos());
                Duration longest = properties.registryRetry().multipliedBy(10);
                backoff = backoff.multipliedBy(2).compareTo(longest) > 0 ? longest : backoff.multipliedBy(2);
            } else {
                status.registryAvailable();
                backoff = properties.registryRetry();
            }
        }
    }

    /** Whether the consumer knows of no record left to read on any partition it reads. */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> source) {
        for (TopicPartition partition : source.assignment()) {
            OptionalLong lag = source.currentLag(partition);
            if (lag.isPresent() && lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private void sendCheckpoint(KafkaProducer<String, Object> producer, LedgerState state) {
        Checkpoint checkpoint = state.checkpoint(signer);
        producer.send(new ProducerRecord<>(Topics.LEDGER_CHECKPOINTS.name(), 0, LedgerCodec.CHECKPOINT_TARGET,
                LedgerCodec.toAvro(checkpoint, notes.sign(checkpoint).serialize())));
    }

    private static void abortQuietly(KafkaProducer<String, Object> producer) {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            log.warn("Could not abort the ledger transaction (the broker aborts it on timeout): {}", e.toString());
        }
    }

    /** Entries committed since start, for metrics and tests. */
    long appended() {
        return appended.get();
    }

    /** Makes a stopped writer runnable again (a restart in the same process). */
    void prepare() {
        running = true;
    }

    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
