package dev.greenlight.checkingest.kafka;

import dev.greenlight.platform.kafka.EventNotStoredException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Requests that carry several events, stored all-or-nothing by Kafka transactions — but not one
 * transaction per request: a few committer threads each take every request waiting at that moment
 * and write them in ONE transaction (group commit), then answer each of them. A transaction costs
 * the same few broker round trips and markers whatever it holds, so under load its cost is shared
 * by many requests instead of paid by each.
 *
 * <p>Each request is still all-or-nothing: its events are in exactly one transaction, which
 * read_committed consumers see whole or not at all, and its caller is answered only after that
 * transaction committed (every record acknowledged, {@code acks=all}). A transaction that fails
 * fails every request in it (503, retry; nothing visible). When the failure lies in one record
 * (too large for the broker, a key that cannot be serialized) the requests are retried one transaction each, so one bad request
 * cannot make its neighbours fail.
 *
 * <p>Each request's records are serialized on the caller's (request) thread, before the request
 * joins the queue, with the event producer's own value serializer (the platform's catalogue Avro
 * serializer: same wire format, same schema ids); the committers only send bytes and commit. Done
 * on the committer, serializing a whole group on one thread was two thirds of its CPU and left the
 * request threads idle (docs/performance.md, "Batches serialized on their request threads"). A
 * record that cannot be serialized therefore fails its own request alone, at once, and never
 * reaches a transaction.
 *
 * <p>Under load the broker logs {@code OutOfOrderSequenceException} for these producers, and they log
 * {@code CONCURRENT_TRANSACTIONS} and {@code OUT_OF_ORDER_SEQUENCE_NUMBER} as "retrying". That is
 * benign: a committer begins its next transaction as soon as the previous commit returns, while
 * the broker is still writing that commit's markers, so the new transaction's first send to a
 * partition is refused ({@code CONCURRENT_TRANSACTIONS}) and the sends already in flight behind it
 * (up to {@code max.in.flight.requests.per.connection}) are refused as out of sequence — the
 * broker appends nothing of a refused send. The producer retries them in sequence order; the
 * broker keeps at most one copy of a sequence; a send that still fails fails the commit, and the
 * caller gets 503 with nothing visible. Nothing is lost or doubled ({@code ConcurrentBatchesIT};
 * docs/performance.md, "OutOfOrderSequenceException in ingest runs").
 */
final class GroupCommit implements AutoCloseable {

    /** Most records one transaction holds (a request holds at most max-batch-size of them). */
    private static final int MAX_GROUP_RECORDS = 10_000;
    private static final int WARM_UP_ATTEMPTS = 3;

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final Serializer<Object> values;
    private final Duration answerTimeout;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param producers     transactional producers of ready bytes; closed with this
     * @param values        the serializer {@code producers} would otherwise apply to the values
     * @param committers    transactions in flight at once; each uses its own transactional producer
     * @param answerTimeout how long a request waits for its transaction before answering 503
     */
    GroupCommit(ProducerFactory<String, byte[]> producers, Serializer<Object> values, int committers,
                Duration answerTimeout) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.values = values;
        this.answerTimeout = answerTimeout;
        for (int i = 0; i < committers; i++) {
            Thread thread = new Thread(this::commitLoop, "check-ingest-group-commit-" + i);
            thread.setDaemon(true);
            this.committers.add(thread);
            thread.start();
        }
    }

    /**
     * Group commit over check-ingest's event producer: the same configuration, key serializer and
     * transactional-id prefix (with {@code batches-} appended, so these producers never share a
     * transactional id with the factory's own), the values written by the factory's value
     * serializer — configured as the factory configures it — on the request threads.
     */
    static GroupCommit over(DefaultKafkaProducerFactory<String, Object> eventProducerFactory, int committers,
                            Duration answerTimeout) {
        Map<String, Object> config = new HashMap<>(eventProducerFactory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, byte[]> bytes = new DefaultKafkaProducerFactory<>(config,
                eventProducerFactory.getKeySerializerSupplier(), ByteArraySerializer::new);
        String prefix = eventProducerFactory.getTransactionIdPrefix();
        if (prefix == null) {
            throw new IllegalStateException("batches need transactions: set spring.kafka.producer.transaction-id-prefix");
        }
        bytes.setTransactionIdPrefix(prefix + "batches-");
        Serializer<Object> values = eventProducerFactory.getValueSerializerSupplier().get();
        values.configure(config, false);
        return new GroupCommit(bytes, values, committers, answerTimeout);
    }

    /**
     * Completes once {@code events} are committed in one transaction; completes exceptionally with
     * {@link EventNotStoredException} when that transaction failed or did not commit within the
     * answer timeout, or at once when one of them cannot be serialized. Serializes on the caller's
     * thread; nothing waits on it.
     */
    CompletableFuture<Void> publishAsync(List<? extends Outgoing<?>> events) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        try {
            for (Outgoing<?> event : events) {
                records.add(event.serializedRecord(values));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new EventNotStoredException(topicsOf(events.stream()
                    .map(event -> event.topic().name()).toList()), e));
        }
        Pending pending = new Pending(records, new CompletableFuture<>());
        if (!running) {
            return CompletableFuture.failedFuture(
                    notStored(pending, new IllegalStateException("check-ingest is shutting down")));
        }
        queue.add(pending);
        return pending.done().orTimeout(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof EventNotStoredException ? failure : notStored(pending, failure)));
    }

    private void commitLoop() {
        warmUp();
        while (running) {
            List<Pending> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                return;
            }
            try {
                commit(group);
                group.forEach(pending -> pending.done().complete(null));
            } catch (RuntimeException e) {
                if (group.size() > 1 && inOneRecord(e)) {
                    group.forEach(this::commitAlone);
                } else {
                    group.forEach(pending -> pending.done().completeExceptionally(notStored(pending, e)));
                }
            }
        }
    }

    /**
     * Gets this committer's transactional producer registered with the transaction coordinator
     * ({@code InitProducerId}) before the first batch arrives, so the first batch does not pay for
     * it — on a fresh broker that includes creating the transaction-state topic and can exceed
     * {@code max.block.ms}. Best effort: a failure leaves it to the first batch, as before.
     */
    private void warmUp() {
        for (int attempt = 0; attempt < WARM_UP_ATTEMPTS && running; attempt++) {
            try {
                template.executeInTransaction(operations -> null);
                return;
            } catch (RuntimeException e) {
                // Broker still starting or away: try again, then leave it to the first batch.
            }
        }
    }

    /** Waits for one request, then takes the others already waiting, up to the group's size. */
    private List<Pending> nextGroup() throws InterruptedException {
        List<Pending> group = new ArrayList<>();
        Pending first = queue.take();
        group.add(first);
        int records = first.records().size();
        Pending next;
        while (records < MAX_GROUP_RECORDS && (next = queue.poll()) != null) {
            group.add(next);
            records += next.records().size();
        }
        return group;
    }

    /**
     * One transaction for the group. The records, already bytes, go straight to the transaction's
     * producer: the template's {@code send} wraps every record in an observation, a listener
     * callback and a future of its own, which nobody here reads — whether each record was stored
     * is what the commit says (it fails when any send of the transaction failed), and the template
     * still begins, commits or aborts the transaction. A send that fails at once throws here and
     * aborts it.
     */
    private void commit(List<Pending> group) {
        template.executeInTransaction(operations -> operations.execute(producer -> {
            for (Pending pending : group) {
                for (ProducerRecord<String, byte[]> record : pending.records()) {
                    producer.send(record);
                }
            }
            return null;
        }));
    }

    private void commitAlone(Pending pending) {
        try {
            commit(List.of(pending));
            pending.done().complete(null);
        } catch (RuntimeException e) {
            pending.done().completeExceptionally(notStored(pending, e));
        }
    }

    private static boolean inOneRecord(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static EventNotStoredException notStored(Pending pending, Throwable cause) {
        return new EventNotStoredException(topicsOf(pending.records().stream().map(ProducerRecord::topic).toList()),
                cause);
    }

    private static String topicsOf(List<String> topics) {
        return topics.stream().distinct().collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        running = false;
        committers.forEach(Thread::interrupt);
        for (Thread committer : committers) {
            try {
                committer.join(answerTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(notStored(left, new IllegalStateException("check-ingest stopped")));
        }
        if (producers instanceof DisposableBean disposable) {
            try {
                disposable.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the group commit's producers", e);
            }
        }
    }

    private record Pending(List<ProducerRecord<String, byte[]>> records, CompletableFuture<Void> done) {
    }
}
