package dev.greenlight.platform.releases;

import dev.greenlight.events.ReleaseRegistered;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.kafka.ViewChanges;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * processing step), and keeps following the topic for as long as the service runs (the reading
 * is a {@link TopicFollower}'s; this class keeps what a registration means).
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

    private final Map<String, ReleaseRegistered> byReleaseId = new ConcurrentHashMap<>();
    /** Registration order per revision, so answers are stable. */
    private final Map<String, List<ReleaseRegistered>> byRevision = new ConcurrentHashMap<>();
    private final ViewChanges changes = new ViewChanges();
    private final TopicFollower<ReleaseRegistered> follower;

    /** A directory reading through consumers made by {@code consumers} (tests, other client setups). */
    public ReleaseDirectory(Supplier<Consumer<String, ReleaseRegistered>> consumers) {
        this.follower = new TopicFollower<>("release-directory", Topics.RELEASES, consumers, this::apply,
                () -> log.info("Release directory caught up: {} releases", size()));
    }

    /**
     * A directory reading with the given Kafka client settings (bootstrap servers, security); the
     * group, commit and isolation settings are forced to those of a rebuilt view.
     */
    public static ReleaseDirectory fromConfig(Map<String, Object> clientConfig, SchemaRegistryClient registry) {
        return new ReleaseDirectory(TopicFollower.consumers(clientConfig, "greenlight-release-directory",
                Topics.RELEASES, registry));
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
        return follower.isCaughtUp();
    }

    /** Waits until {@link #isCaughtUp()}; returns whether it happened within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) {
        return follower.awaitCaughtUp(timeout);
    }

    /**
     * Waits until the directory has seen {@code target@version}, for a request that has just
     * published the registration and must not answer from a view that lags behind its own write.
     */
    public Optional<ReleaseRegistered> readYourWrite(String target, String version, Duration timeout) {
        return changes.await(() -> find(target, version), timeout);
    }

    @Override
    public void start() {
        follower.start();
    }

    @Override
    public void stop() {
        follower.stop();
    }

    @Override
    public boolean isRunning() {
        return follower.isRunning();
    }

    private void apply(ConsumerRecord<String, ReleaseRegistered> record) {
        ReleaseRegistered release = record.value();
        if (release == null) {
            return;
        }
        // Both maps change under the view's monitor, in one step: a waiter that sees the release by id
        // (readYourWrite) must also find it by revision.
        changes.change(() -> {
            if (byReleaseId.putIfAbsent(releaseId(release.getTarget(), release.getVersion()), release) == null) {
                byRevision.computeIfAbsent(release.getRevision().toLowerCase(Locale.ROOT),
                        r -> new CopyOnWriteArrayList<>()).add(release);
            }
        });
    }

    private static String releaseId(String target, String version) {
        return target + "@" + version;
    }
}
