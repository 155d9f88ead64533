package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.application.ProjectionStatus;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the console's projection from the topics it shows: one {@link TopicFollower} per topic,
 * each reading from the beginning at every start (a read model, no consumer group, nothing
 * committed), so every instance serves the whole board and a restart rebuilds it. The Kafka user
 * {@code console} may read these topics and nothing else. Tests of the pages alone switch it off
 * ({@code greenlight.console.projection.enabled=false}) and feed the projection directly. It is
 * also the {@link ProjectionStatus}: caught up (from the followers) and the records still to read.
 */
@Component
@ConditionalOnProperty(name = "greenlight.console.projection.enabled", havingValue = "true", matchIfMissing = true)
class TopicProjection implements SmartLifecycle, ProjectionStatus {

    /** What the board shows, in the order the facts are best known (releases before their verdicts). */
    private static final Logger log = LoggerFactory.getLogger(TopicProjection.class);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(30);

    static final List<Topic<?>> READ = List.of(Topics.RELEASES, Topics.POLICIES, Topics.DECISIONS, Topics.APPROVALS,
            Topics.ROLLOUTS, Topics.KILL_SWITCH, Topics.KILL_SWITCH_PATTERNS, Topics.HOLDS, Topics.LEDGER,
            Topics.LEDGER_CHECKPOINTS, Topics.LEDGER_COSIGNATURES);

    private final List<TopicFollower<?>> followers;
    private final Map<String, Object> config;
    private final SchemaRegistryClient registry;
    private final ReadProgress progress = new ReadProgress();
    private volatile boolean running;

    TopicProjection(KafkaProperties kafka, SchemaRegistryClient registry, ConsoleFeed feed) {
        this.config = kafka.buildConsumerProperties();
        this.registry = registry;
        this.followers = READ.stream().<TopicFollower<?>>map(topic -> follower(topic, config, registry, feed)).toList();
    }

    private <V> TopicFollower<V> follower(Topic<V> topic, Map<String, Object> config,
            SchemaRegistryClient registry, ConsoleFeed feed) {
        return new TopicFollower<>("console-" + topic.name(), topic,
                TopicFollower.consumers(config, "greenlight-console-" + topic.name(), topic, registry),
                record -> {
                    EventTranslation.translate(record.value()).ifPresent(feed::accept);
                    progress.read(record.topic(), record.partition(), record.offset());
                }, () -> { });
    }

    /** Whether every topic was read up to its end offsets of start-up. */
    @Override
    public boolean caughtUp() {
        return followers.stream().allMatch(TopicFollower::isCaughtUp);
    }

    @Override
    public long lag() {
        return caughtUp() ? 0 : progress.lag();
    }

    /** Waits until {@link #caughtUp()}. */
    boolean awaitCaughtUp(Duration timeout) {
        return followers.stream().allMatch(f -> f.awaitCaughtUp(timeout));
    }

    @Override
    public void start() {
        followers.forEach(TopicFollower::start);
        running = true;
        // The end offsets the lag counts down to, read on the side: a broker that is slow to answer
        // delays the number shown, never the board.
        Thread endOffsets = new Thread(() -> READ.forEach(this::endOffsetsOf), "console-end-offsets");
        endOffsets.setDaemon(true);
        endOffsets.start();
    }

    private <V> void endOffsetsOf(Topic<V> topic) {
        try (Consumer<String, V> consumer = TopicFollower.consumers(config, "greenlight-console-lag-" + topic.name(),
                topic, registry).get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), END_OFFSETS_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.endOffsets(partitions, END_OFFSETS_TIMEOUT)
                    .forEach((partition, end) -> progress.end(partition.topic(), partition.partition(), end));
        } catch (RuntimeException e) {
            log.warn("cannot read the end offsets of {}; the projection's lag stays unknown: {}", topic.name(),
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        followers.forEach(TopicFollower::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
