package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the console's projection from the topics it shows: one {@link TopicFollower} per topic,
 * each reading from the beginning at every start (a read model, no consumer group, nothing
 * committed), so every instance serves the whole board and a restart rebuilds it. The Kafka user
 * {@code console} may read these topics and nothing else. Tests of the pages alone switch it off
 * ({@code greenlight.console.projection.enabled=false}) and feed the projection directly.
 */
@Component
@ConditionalOnProperty(name = "greenlight.console.projection.enabled", havingValue = "true", matchIfMissing = true)
class TopicProjection implements SmartLifecycle {

    /** What the board shows, in the order the facts are best known (releases before their verdicts). */
    static final List<Topic<?>> READ = List.of(Topics.RELEASES, Topics.POLICIES, Topics.DECISIONS, Topics.APPROVALS,
            Topics.ROLLOUTS, Topics.KILL_SWITCH, Topics.KILL_SWITCH_PATTERNS, Topics.HOLDS, Topics.LEDGER,
            Topics.LEDGER_CHECKPOINTS, Topics.LEDGER_COSIGNATURES);

    private final List<TopicFollower<?>> followers;
    private volatile boolean running;

    TopicProjection(KafkaProperties kafka, SchemaRegistryClient registry, ConsoleFeed feed) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        this.followers = READ.stream().<TopicFollower<?>>map(topic -> follower(topic, config, registry, feed)).toList();
    }

    private static <V> TopicFollower<V> follower(Topic<V> topic, Map<String, Object> config,
            SchemaRegistryClient registry, ConsoleFeed feed) {
        return new TopicFollower<>("console-" + topic.name(), topic,
                TopicFollower.consumers(config, "greenlight-console-" + topic.name(), topic, registry),
                record -> EventTranslation.translate(record.value()).ifPresent(feed::accept), () -> { });
    }

    /** Whether every topic was read up to its end offsets of start-up. */
    boolean caughtUp() {
        return followers.stream().allMatch(TopicFollower::isCaughtUp);
    }

    /** Waits until {@link #caughtUp()}. */
    boolean awaitCaughtUp(Duration timeout) {
        return followers.stream().allMatch(f -> f.awaitCaughtUp(timeout));
    }

    @Override
    public void start() {
        followers.forEach(TopicFollower::start);
        running = true;
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
