package dev.greenlight.platform.releases;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.serde.AvroDeserializer;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.context.SmartLifecycle;

/**
 * Every registered release, as a read model rebuilt from the releases topic at each start.
 *
 * <p>Services that accept evidence must know whether a release exists (and which commit it was
 * built from) before they publish anything about it, but must not own a copy of the truth: the
 * releases topic is the truth. So this directory assigns itself every partition of the topic,
 * reads from the beginning without a consumer group (no committed offsets — it is a view, not a
 * processing step), and keeps following the topic for as long as the service runs.
 *
 * <p>The first registration of a {@code target@version} wins, like the gate-evaluator's release
 * catalogue: a conflicting re-registration that slipped past check-ingest (two instances racing)
 * must not change what anyone believes the release is.
 *
 * <p>Until the initial read reached the end offsets seen at start-up the directory is not
 * {@linkplain #isCaughtUp() caught up}; callers answering "no such release" should wait for that
 * ({@link #awaitCaughtUp}) and the health indicator keeps the service out of service meanwhile.
 */
public class ReleaseDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReleaseDirectory.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Supplier<Consumer<String, ReleaseRegistered>> consumers;
    private final Map<String, ReleaseRegistered> byReleaseId = new ConcurrentHashMap<>();
    /** Registration order per revision, so answers are stable. */
    private final Map<String, List<ReleaseRegistered>> byRevision = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Object changed = new Object();

    private volatile boolean running;
    /** Released on stop, so a reader waiting to retry stops at once without being interrupted. */
    private volatile CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile Consumer<String, ReleaseRegistered> consumer;

    /** A directory reading through consumers made by {@code consumers} (tests, other client setups). */
    public ReleaseDirectory(Supplier<Consumer<String, ReleaseRegistered>> consumers) {
        this.consumers = consumers;
    }

    /**
     * A directory reading with the given Kafka client settings (bootstrap servers, security); the
     * group, commit and isolation settings are forced to those of a rebuilt view.
     */
    public static ReleaseDirectory fromConfig(Map<String, Object> clientConfig, SchemaRegistryClient registry) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The catalogue creates the topic with its partitions; a reader must never create it with defaults.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "greenlight-release-directory");
        return new ReleaseDirectory(() -> new KafkaConsumer<>(config, new StringDeserializer(),
                new AvroDeserializer<>(registry, Topics.RELEASES.valueSchema())));
    }

    /** The release registered as {@code target@version}, if the directory has seen it. */
    public Optional<ReleaseRegistered> find(String target, String version) {
        return Optional.ofNullable(byReleaseId.get(releaseId(target, version)));
    }

    /**
     * The releases built from {@code revision}, in registration order, optionally of one target
     * ({@code target} may be null). A release registered with an abbreviated commit id matches the
     * full id it abbreviates, because CI systems report full SHAs while people often register short ones.
     */
    public List<ReleaseRegistered> findByRevision(String target, String revision) {
        if (revision == null || revision.isEmpty()) {
            return List.of();
        }
        String wanted = revision.toLowerCase(Locale.ROOT);
        return byRevision.entrySet().stream()
                .filter(e -> wanted.startsWith(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .filter(release -> target == null || target.equals(release.getTarget()))
                .toList();
    }

    /** Number of distinct releases known. */
    public int size() {
        return byReleaseId.size();
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

    /**
     * Waits until the directory has seen {@code target@version}, for a request that has just
     * published the registration and must not answer from a view that lags behind its own write.
     */
    public Optional<ReleaseRegistered> readYourWrite(String target, String version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            Optional<ReleaseRegistered> found = find(target, version);
            long remaining = deadline - System.nanoTime();
            while (found.isEmpty() && remaining > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(changed, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return found;
                }
                found = find(target, version);
                remaining = deadline - System.nanoTime();
            }
            return found;
        }
    }

    @Override
    public void start() {
        running = true;
        stopSignal = new CountDownLatch(1);
        Thread thread = new Thread(this::readForever, "release-directory");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        stopSignal.countDown();
        Consumer<String, ReleaseRegistered> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            // No interrupt: an interrupted consumer cannot close cleanly; wakeup() ends its poll.
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
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
                // Broker away or topic not there yet: the view stays as it is and reading resumes from
                // the beginning; re-applying old registrations changes nothing (first one wins).
                log.warn("Release directory lost the releases topic, retrying: {}", e.getMessage());
                try {
                    pause();
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void readUntilStopped() throws InterruptedException {
        try (Consumer<String, ReleaseRegistered> c = consumers.get()) {
            consumer = c;
            List<TopicPartition> partitions = partitionsOf(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> initialEnd = c.endOffsets(partitions);
            while (running) {
                try {
                    c.poll(POLL).forEach(this::apply);
                } catch (RecordDeserializationException e) {
                    log.warn("Skipping undecodable release record at {} offset {}", e.topicPartition(), e.offset());
                    c.seek(e.topicPartition(), e.offset() + 1);
                }
                if (!isCaughtUp() && partitions.stream().allMatch(p -> c.position(p) >= initialEnd.get(p))) {
                    caughtUp.countDown();
                    log.info("Release directory caught up: {} releases", size());
                }
            }
        } finally {
            consumer = null;
        }
    }

    private List<TopicPartition> partitionsOf(Consumer<String, ReleaseRegistered> c) throws InterruptedException {
        while (true) {
            List<TopicPartition> partitions = c.partitionsFor(Topics.RELEASES.name()).stream()
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
            throw new InterruptedException("release directory stopping");
        }
    }

    private void apply(ConsumerRecord<String, ReleaseRegistered> record) {
        ReleaseRegistered release = record.value();
        if (release == null) {
            return;
        }
        if (byReleaseId.putIfAbsent(releaseId(release.getTarget(), release.getVersion()), release) == null) {
            byRevision.computeIfAbsent(release.getRevision().toLowerCase(Locale.ROOT),
                    r -> new CopyOnWriteArrayList<>()).add(release);
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    private static String releaseId(String target, String version) {
        return target + "@" + version;
    }
}
