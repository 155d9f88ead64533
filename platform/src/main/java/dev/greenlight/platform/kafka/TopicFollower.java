package dev.greenlight.platform.kafka;

import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.registry.SchemaRegistryException;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one catalogue topic from its beginning and keeps following it, on a reader thread of its
 * own, handing every record to the read model that owns it.
 *
 * <p>Why it exists: the release directory and the policy directory both rebuild an in-memory view
 * of one topic at each start, and a view is not a processing step: it assigns itself every
 * partition, seeks to the beginning, commits nothing and joins no consumer group. The reading
 * around that (waiting for the topic's partitions, retrying from the beginning when the broker is
 * away, skipping an undecodable record, stopping without interrupting the consumer, telling when
 * the initial read reached the end offsets seen at start-up) is the same for both, so it lives here
 * once; each directory keeps only how it applies a record, its queries and its readiness.
 *
 * <p>After a lost connection it reads again from the beginning, so {@code apply} sees records it
 * has seen before, in their order again: the owner must cope with that.
 */
public final class TopicFollower<V> {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final String view;
    private final Topic<V> topic;
    private final Supplier<Consumer<String, V>> consumers;
    private final java.util.function.Consumer<ConsumerRecord<String, V>> apply;
    private final Runnable onCaughtUp;
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    private volatile boolean running;
    /** Released on stop, so a reader waiting to retry stops at once without being interrupted. */
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile Consumer<String, V> consumer;

    /**
     * A follower of {@code topic} for the view named {@code view} (its reader thread's name, and
     * what its log lines name), reading through consumers made by {@code consumers}; every record
     * goes to {@code apply} on the reader thread, and {@code onCaughtUp} runs there once, when the
     * initial read reached the end of the topic as it was at start-up.
     */
    public TopicFollower(String view, Topic<V> topic, Supplier<Consumer<String, V>> consumers,
            java.util.function.Consumer<ConsumerRecord<String, V>> apply, Runnable onCaughtUp) {
        this.view = view;
        this.topic = topic;
        this.consumers = consumers;
        this.apply = apply;
        this.onCaughtUp = onCaughtUp;
    }

    /**
     * Consumers of {@code topic} with the given Kafka client settings (bootstrap servers, security);
     * the group, commit and isolation settings are forced to those of a rebuilt view.
     */
    public static <V> Supplier<Consumer<String, V>> consumers(Map<String, Object> clientConfig, String clientId,
            Topic<V> topic, SchemaRegistryClient registry) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The catalogue creates the topic with its partitions; a reader must never create it with defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return () -> new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroDeserializer<>(registry, topic.valueSchema()));
    }

    /** Whether the initial read reached the end of the topic as it was at start-up. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until {@link #isCaughtUp()}; returns whether it happened within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the reader thread (a daemon: it must never keep the JVM alive). */
    public void start() {
        running = true;
        stopSignal = new CountDownLatch(1);
        Thread thread = new Thread(this::readForever, view);
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** Stops reading and waits a while for the reader thread to close its consumer. */
    public void stop() {
        running = false;
        stopSignal.countDown();
        Consumer<String, V> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            // No interrupt: an interrupted consumer cannot close cleanly; wakeup() ends its poll.
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether it was started and not stopped since. */
    public boolean isRunning() {
        return running;
    }

    private void readForever() {
        while (running) {
            try {
                readUntilStopped();
            } catch (WakeupException | InterruptedException stopping) {
                return;
            } catch (KafkaException e) {
                if (!running) {
                    return;
                }
                // Broker away or topic not there yet: the view stays as it is and reading resumes
                // from the beginning, handing the owner records it has seen before.
                log.warn("{} lost topic {}, retrying: {}", view, topic.name(), e.getMessage());
                try {
                    pause();
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** See {@link SchemaRegistryException#isRegistryUnavailable}: the one home of this classification. */
    static boolean registryUnavailable(Throwable failure) {
        return SchemaRegistryException.isRegistryUnavailable(failure);
    }

    private void readUntilStopped() throws InterruptedException {
        try (Consumer<String, V> c = consumers.get()) {
            consumer = c;
            List<TopicPartition> partitions = partitionsOf(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> initialEnd = c.endOffsets(partitions);
            while (running) {
                try {
                    c.poll(POLL).forEach(apply);
                } catch (RecordDeserializationException e) {
                    if (registryUnavailable(e)) {
                        // The record is decodable once the registry answers: read it again, never skip it.
                        log.warn("{} cannot decode {} offset {} while the schema registry is unavailable, retrying: {}",
                                view, e.topicPartition(), e.offset(), e.getMessage());
                        c.seek(e.topicPartition(), e.offset());
                        pause();
                    } else {
                        log.warn("{} skipping undecodable record at {} offset {}", view, e.topicPartition(), e.offset());
                        c.seek(e.topicPartition(), e.offset() + 1);
                    }
                }
                if (!isCaughtUp() && partitions.stream().allMatch(p -> c.position(p) >= initialEnd.get(p))) {
                    caughtUp.countDown();
                    onCaughtUp.run();
                }
            }
        } finally {
            consumer = null;
        }
    }

    private List<TopicPartition> partitionsOf(Consumer<String, V> c) throws InterruptedException {
        while (true) {
            List<TopicPartition> partitions = c.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            pause();
        }
    }

    private void pause() throws InterruptedException {
        if (stopSignal.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException(view + " stopping");
        }
    }
}
