package dev.greenlight.platform.kafka;

import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.TopicAccess;
import dev.greenlight.platform.topics.TopicSettingProblem;
import dev.greenlight.platform.topics.TopicSettings;
import dev.greenlight.platform.topics.TopicSettingsCheck;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Checks, before anything of the service reads or writes (the earliest lifecycle phase: before the
 * Kafka Streams clients, listener containers, the ledger writer and the web server start), that the
 * topics the service owns — those {@link TopicAccess} lets it write — are as strong as the catalogue
 * and the environment require ({@link TopicSettingsCheck}). A refusing finding (a weaker ledger topic)
 * fails the start with {@link WeakTopicSettingsException}; the others are logged as warnings.
 *
 * <p>A cluster that cannot be reached within the timeout is not a reason to refuse: the services
 * start without a broker and answer 503 until it is back; the check is then logged as skipped. A
 * cluster that denies describing the topics is a refusal for a service owning a ledger topic (its
 * settings cannot be proven), a warning otherwise.
 */
public class TopicSettingsVerifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicSettingsVerifier.class);

    private final Map<String, Object> adminConfig;
    private final KafkaUser owner;
    private final int replicationFactor;
    private final int minInsyncReplicas;
    private final Duration timeout;
    private volatile boolean running;

    /**
     * @param adminConfig       the Admin client's configuration (bootstrap, login)
     * @param owner             the principal the service runs as; its written topics are checked
     * @param replicationFactor the environment's required replicas
     * @param minInsyncReplicas the environment's required {@code min.insync.replicas}
     * @param timeout           how long to wait for the cluster before skipping the check
     */
    public TopicSettingsVerifier(Map<String, Object> adminConfig, KafkaUser owner, int replicationFactor,
            int minInsyncReplicas, Duration timeout) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.owner = owner;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
        this.timeout = timeout;
    }

    /** The catalogue topics {@code user} writes: the ones it owns and checks. */
    static List<Topic<?>> ownedBy(KafkaUser user) {
        return Topics.all().stream().filter(topic -> TopicAccess.writers(topic).contains(user)).toList();
    }

    @Override
    public void start() {
        running = true;
        List<Topic<?>> owned = ownedBy(owner);
        if (owned.isEmpty()) {
            return;
        }
        Optional<List<TopicSettingProblem>> problems = describeAndCheck(owned);
        if (problems.isEmpty()) {
            return;
        }
        List<TopicSettingProblem> refusing = new ArrayList<>();
        for (TopicSettingProblem problem : problems.get()) {
            if (problem.refuses()) {
                log.error("Weak topic setting: {}", problem.describe());
                refusing.add(problem);
            } else {
                log.warn("Weak topic setting (not refusing to start): {}", problem.describe());
            }
        }
        if (!refusing.isEmpty()) {
            running = false;
            throw new WeakTopicSettingsException(owner.userName(), refusing);
        }
        log.info("Topic settings of {} checked: {} topics, replication factor >= {}, min.insync.replicas >= {}",
                owner.userName(), owned.size(), replicationFactor, minInsyncReplicas);
    }

    /** The findings, or empty when the cluster could not be asked. */
    private Optional<List<TopicSettingProblem>> describeAndCheck(List<Topic<?>> owned) {
        Map<String, Object> config = new HashMap<>(adminConfig);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, owner.userName() + "-topic-settings-check");
        List<TopicSettingProblem> problems = new ArrayList<>();
        boolean ownsLedger = owned.stream().anyMatch(t -> t.equals(Topics.LEDGER));
        try (Admin admin = Admin.create(config)) {
            for (Topic<?> topic : owned) {
                Optional<TopicSettings> actual = describe(admin, topic.name());
                if (actual.isEmpty()) {
                    log.warn("Topic {} does not exist yet; its settings are not checked", topic.name());
                    continue;
                }
                problems.addAll(TopicSettingsCheck.check(topic, actual.get(), replicationFactor, minInsyncReplicas));
            }
            return Optional.of(problems);
        } catch (AuthorizationException e) {
            if (ownsLedger) {
                throw new IllegalStateException(owner.userName() + " may not describe its topics, so their settings "
                        + "cannot be checked (grant DescribeConfigs, see KafkaAcls): " + e.getMessage(), e);
            }
            log.warn("Topic settings not checked: not authorized ({})", e.getMessage());
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            log.warn("Topic settings not checked: the cluster did not answer within {} ({})", timeout, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException denied) {
                if (ownsLedger) {
                    throw new IllegalStateException(owner.userName() + " may not describe its topics, so their "
                            + "settings cannot be checked (grant DescribeConfigs, see KafkaAcls): "
                            + denied.getMessage(), denied);
                }
                log.warn("Topic settings not checked: not authorized ({})", denied.getMessage());
            } else {
                log.warn("Topic settings not checked: {}", String.valueOf(e.getCause()));
            }
        }
        return Optional.empty();
    }

    private Optional<TopicSettings> describe(Admin admin, String name)
            throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription description;
        try {
            description = admin.describeTopics(List.of(name)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        Map<String, String> configs = new HashMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.value() != null) {
                configs.put(entry.name(), entry.value());
            }
        }
        int replicas = description.partitions().isEmpty() ? 0
                : description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        return Optional.of(new TopicSettings(name, description.partitions().size(), replicas, configs));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** First of all lifecycles: nothing may read or write before the check. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }
}
