package dev.greenlight.ledger.kafka;

import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointNoteSigner;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.domain.LedgerState;
import dev.greenlight.ledger.domain.ResumePoint;
import dev.greenlight.ledger.domain.SourceEvent;
import dev.greenlight.platform.registry.SchemaRegistryException;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
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
 * <p><b>Start-up independent of history.</b> Rebuilding from the beginning read, decoded and re-hashed
 * every entry ever written, so a restart took longer the longer the ledger. Each transaction that writes
 * a checkpoint therefore also commits a {@link ResumePoint} — the tree's compact range, the checkpoint's
 * heads and where they and the checkpoint sit — as the metadata of one committed source offset
 * ({@link ResumeMetadata}), atomically with the checkpoint. A restart checks it against the signed
 * checkpoint and the head entries and reads only what was committed after that checkpoint; a resume
 * point that does not check out (or none) means the full rebuild as before.
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
    /** The source partition whose committed offset carries the resume point's metadata. */
    private final TopicPartition carrier = new TopicPartition(SourceTopics.all().get(0).name(), 0);
    /** Per ledger partition, the offset of its committed head entry; -1 while unknown or the chain is empty. */
    private long[] headOffsets = new long[0];
    /** The resume point last committed (or checked at start), re-sent with every commit of the carrier's offset. */
    private String resumeMetadata = "";
    private volatile Restored lastRestore;
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
                appendUntilStopped(source, producer, restore(source));
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

    private LedgerState restore(KafkaConsumer<byte[], byte[]> source) {
        long start = System.nanoTime();
        // Streamed, not loaded: a restart must not need the whole ledger on the heap. Only checkpoints
        // signed by a key of the ring, whose heads lie on the chain and whose size follows from the previous
        // trusted one, count. From the last committed resume point when it checks out, else from the beginning.
        OffsetAndMetadata committed = source.committed(Set.of(carrier)).get(carrier);
        String metadata = committed == null ? "" : committed.metadata();
        Optional<ResumePoint> point = ResumeMetadata.decode(metadata);
        Optional<LedgerState> resumed = point.flatMap(p -> ledger.resumeState(p,
                skipped -> log.warn("Ignoring on restore: {}", skipped), trusted::filter, trusted::inconsistent,
                refused -> log.warn("Not resuming from the committed resume point ({}): reading the ledger from the"
                        + " beginning", refused)));
        LedgerState state = resumed.orElseGet(() -> ledger.restoreState(
                skipped -> log.warn("Ignoring on restore: {}", skipped), trusted::filter, trusted::inconsistent));
        resumeMetadata = resumed.isPresent() ? metadata : "";
        headOffsets = new long[Topics.LEDGER.partitions()];
        for (int p = 0; p < headOffsets.length; p++) {
            int partition = p;
            headOffsets[p] = state.headLocation(p).map(LedgerRecords::offset)
                    .orElseGet(() -> resumed.isPresent() ? point.get().headOffset(partition) : -1L);
        }
        lastRestore = new Restored(resumed.isPresent(), state.recordsRead(), Duration.ofNanos(System.nanoTime() - start));
        log.info("Ledger resumed at {} (checkpointed tree size {}, {} pending): read {} ledger records in {} ms, {}",
                state.nextSequences(), state.treeSize(), state.pendingCount(), state.recordsRead(),
                lastRestore.took().toMillis(), resumed.isPresent()
                        ? "from the checkpoint of tree size " + point.get().treeSize() + " on"
                        : "from the beginning");
        return state;
    }

    /** How the writer's last restore went: from a resume point or from the beginning, and how much it read. */
    record Restored(boolean fromResumePoint, long recordsRead, Duration took) {
    }

    /** The last restore, for tests; null before the first. */
    Restored lastRestore() {
        return lastRestore;
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
                List<Future<RecordMetadata>> sent = new ArrayList<>(Collections.nCopies(headOffsets.length, null));
                PendingResume resume = null;
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
                        sent.set(partition, producer.send(new ProducerRecord<>(Topics.LEDGER.name(), partition,
                                entry.target(), LedgerCodec.toAvro(entry))));
                        count++;
                        offsets.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                        if (state.pendingCount() >= properties.checkpoint().everyEntries()) {
                            resume = sendCheckpoint(producer, state, sent);
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
                    resume = sendCheckpoint(producer, state, sent);
                    lastCheckpoint = clock.instant();
                }
                String committedResume = resume == null ? resumeMetadata : resumeAfter(producer, resume);
                carry(source, offsets, committedResume, resume != null);
                if (!offsets.isEmpty()) {
                    producer.sendOffsetsToTransaction(offsets, source.groupMetadata());
                }
                producer.commitTransaction();
                resumeMetadata = committedResume;
                for (int p = 0; p < sent.size(); p++) {
                    if (sent.get(p) != null) {
                        headOffsets[p] = offsetOf(sent.get(p));
                    }
                }
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

    /**
     * Signs and sends a checkpoint over everything pending, and returns what a {@link ResumePoint} at it
     * needs once the transaction's records have their offsets: the checkpoint's send, and per partition the
     * send of its head entry in this transaction (or none: its head was committed before, at {@link #headOffsets}).
     */
    private PendingResume sendCheckpoint(KafkaProducer<String, Object> producer, LedgerState state,
            List<Future<RecordMetadata>> sent) {
        Checkpoint checkpoint = state.checkpoint(signer);
        Future<RecordMetadata> record = producer.send(new ProducerRecord<>(Topics.LEDGER_CHECKPOINTS.name(), 0,
                LedgerCodec.CHECKPOINT_TARGET, LedgerCodec.toAvro(checkpoint, notes.sign(checkpoint).serialize())));
        return new PendingResume(checkpoint, state.treePeaks(), record, new ArrayList<>(sent), headOffsets.clone());
    }

    /** A checkpoint sent in the open transaction, before its records (and so the resume point's offsets) are known. */
    private record PendingResume(Checkpoint checkpoint, List<byte[]> peaks, Future<RecordMetadata> record,
            List<Future<RecordMetadata>> headSends, long[] committedHeads) {
    }

    /**
     * The resume point at the transaction's last checkpoint, encoded: waits for the transaction's records to
     * be written (their offsets; the commit would wait for them anyway). The previous one when it would not
     * fit the broker's metadata limit — a restart then reads a little more, never less.
     */
    private String resumeAfter(KafkaProducer<String, Object> producer, PendingResume resume) {
        producer.flush();
        long[] offsets = new long[resume.committedHeads().length];
        for (int p = 0; p < offsets.length; p++) {
            Future<RecordMetadata> head = resume.headSends().get(p);
            offsets[p] = head != null ? offsetOf(head) : resume.committedHeads()[p];
        }
        String encoded = ResumeMetadata.encode(new ResumePoint(offsetOf(resume.record()), resume.checkpoint().treeSize(),
                resume.peaks(), resume.checkpoint().heads(), offsets));
        return encoded.length() <= ResumeMetadata.LIMIT ? encoded : resumeMetadata;
    }

    /**
     * Puts the resume point on the carrier partition's committed offset. Every commit of that offset must
     * carry it (a commit replaces the metadata); a transaction with a new checkpoint commits it even without
     * records from the carrier, at the consumer's position there (everything before it is in this or an
     * earlier transaction).
     */
    private void carry(KafkaConsumer<byte[], byte[]> source, Map<TopicPartition, OffsetAndMetadata> offsets,
            String metadata, boolean newCheckpoint) {
        OffsetAndMetadata offset = offsets.get(carrier);
        if (offset != null) {
            offsets.put(carrier, new OffsetAndMetadata(offset.offset(), metadata));
        } else if (newCheckpoint && source.assignment().contains(carrier)) {
            offsets.put(carrier, new OffsetAndMetadata(source.position(carrier), metadata));
        }
    }

    private static long offsetOf(Future<RecordMetadata> send) {
        try {
            return send.get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        }
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
