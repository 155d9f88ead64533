package dev.greenlight.evidence.policies;

import dev.greenlight.events.PolicyActivated;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.kafka.ViewChanges;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.policy.catalog.LoadedPolicy;
import dev.greenlight.policy.catalog.PolicyCatalog;
import dev.greenlight.policy.catalog.PolicyLoader;
import dev.greenlight.policy.parser.PolicyParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The policies the gate-evaluator announced on {@link Topics#POLICIES}, as a read model rebuilt
 * from that topic at each start: the one policy source of every service except the gate itself.
 *
 * <p>Why not the policy files: a service reading its own copy can read another text than the one
 * the gate decided with. Every {@code GateDecided} names its policy by content hash, and the gate
 * records each document it gates with before it decides ({@code PolicyActivated}, with the text),
 * so {@link #byHash} hands back exactly that text. An announcement whose text does not parse to
 * the hash it claims is ignored: it cannot define a policy under someone else's hash.
 *
 * <p>{@link #current()} is the catalogue of the latest announced version of every policy name
 * (announcements of one name share a key, hence a partition, hence an order), which is what the
 * gate gates new releases with; check-ingest applies the {@code governs} rules to it.
 *
 * <p>Like the release directory it reads from the beginning without a consumer group and keeps
 * following the topic (through a {@link TopicFollower}); until the initial read reached the end offsets seen at start-up it is not
 * {@linkplain #isCaughtUp() caught up}, and the health indicator keeps the service out of service.
 */
public class PolicyDirectory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyDirectory.class);

    private final PolicyLoader loader = new PolicyLoader();
    private final Map<String, LoadedPolicy> byHash = new ConcurrentHashMap<>();
    /** Latest announced version per policy name. */
    private final Map<String, LoadedPolicy> latestByName = new LinkedHashMap<>();
    /**
     * Highest offset applied per partition. After a reconnect the follower reads the topic again
     * from the beginning; without this an older version would briefly be "current" again.
     */
    private final Map<Integer, Long> appliedUpTo = new HashMap<>();
    private final ViewChanges changes = new ViewChanges();
    private final TopicFollower<PolicyActivated> follower;

    private volatile PolicyCatalog current = new PolicyCatalog(List.of());

    /** A directory reading through consumers made by {@code consumers} (tests, other client setups). */
    public PolicyDirectory(Supplier<Consumer<String, PolicyActivated>> consumers) {
        this.follower = new TopicFollower<>("policy-directory", Topics.POLICIES, consumers, this::apply,
                () -> log.info("Policy directory caught up: {} policy documents", size()));
    }

    /**
     * A directory reading with the given Kafka client settings (bootstrap servers, security); the
     * group, commit and isolation settings are forced to those of a rebuilt view.
     */
    public static PolicyDirectory fromConfig(Map<String, Object> clientConfig, SchemaRegistryClient registry) {
        return new PolicyDirectory(TopicFollower.consumers(clientConfig, "greenlight-policy-directory",
                Topics.POLICIES, registry));
    }

    /** The announced policy document with this content hash, if the directory has seen it. */
    public Optional<LoadedPolicy> byHash(String contentHash) {
        return Optional.ofNullable(contentHash).map(byHash::get);
    }

    /**
     * Waits up to {@code timeout} for the announcement of {@code contentHash}: a decision can be
     * read before this directory has read the announcement the gate wrote ahead of it.
     */
    public Optional<LoadedPolicy> awaitHash(String contentHash, Duration timeout) {
        return changes.await(() -> byHash(contentHash), timeout);
    }

    /** The latest announced version of every policy, as a catalogue (empty before anything was read). */
    public PolicyCatalog current() {
        return current;
    }

    /** Number of distinct policy documents known. */
    public int size() {
        return byHash.size();
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
     * Waits until the directory is caught up and knows at least one policy; returns whether that
     * happened within {@code timeout}. No policy at all means the gate has not announced yet (it
     * always gates with the policies packaged in its jar), so nothing can be judged.
     */
    public boolean awaitPolicies(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!awaitCaughtUp(timeout)) {
            return false;
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return changes.await(() -> byHash.isEmpty() ? Optional.empty() : Optional.of(Boolean.TRUE), left).isPresent();
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

    private void apply(ConsumerRecord<String, PolicyActivated> record) {
        Long seen = appliedUpTo.get(record.partition());
        if (seen != null && record.offset() <= seen) {
            return;
        }
        appliedUpTo.put(record.partition(), record.offset());
        PolicyActivated announced = record.value();
        if (announced == null) {
            return;
        }
        LoadedPolicy loaded;
        try {
            loaded = loader.parse(announced.getName() + ".yaml", announced.getContent(),
                    Topics.POLICIES.name() + " offset " + record.offset());
        } catch (PolicyParseException e) {
            log.warn("Ignoring announced policy {} that does not parse: {}", announced.getContentHash(), e.getMessage());
            return;
        }
        if (!loaded.policy().contentHash().equals(announced.getContentHash())) {
            log.warn("Ignoring announced policy {}: its text hashes to {}", announced.getContentHash(),
                    loaded.policy().contentHash());
            return;
        }
        changes.change(() -> {
            byHash.putIfAbsent(loaded.policy().contentHash(), loaded);
            LoadedPolicy before = latestByName.put(loaded.policy().name(), loaded);
            if (before == null || !before.policy().contentHash().equals(loaded.policy().contentHash())) {
                current = new PolicyCatalog(List.copyOf(latestByName.values()));
            }
        });
    }
}
