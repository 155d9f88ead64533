package dev.greenlight.console.board.kafka;

import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.application.ProjectionStatus;
import dev.greenlight.console.board.domain.Projection;
import dev.greenlight.platform.kafka.TopicFollower;
import dev.greenlight.platform.registry.SchemaRegistryClient;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds the console's projection. The releases' views and the targets' ledger entries come from the
 * console's compacted read model ({@code Topics.CONSOLE_BOARD}, {@link ReadModelReader}), folded by
 * the partitioned {@link BoardProjector} the instances share in one consumer group; so start-up and
 * memory follow the releases in flight, not the history, and N instances fold each fact once. The
 * standing state (kill switches, holds, policies: small, changed by people) is read whole by one
 * {@link TopicFollower} per topic, and the ledger's checkpoints and cosignatures from their tail
 * ({@link LatestCheckpoints}). Tests of the pages alone switch it off
 * ({@code greenlight.console.projection.enabled=false}) and feed the projection directly. It is
 * also the {@link ProjectionStatus}: caught up (read model and standing state read to their end
 * offsets of start-up) and the records still to read.
 */
@Component
@ConditionalOnProperty(name = "greenlight.console.projection.enabled", havingValue = "true", matchIfMissing = true)
class TopicProjection implements SmartLifecycle, ProjectionStatus {

    private static final Logger log = LoggerFactory.getLogger(TopicProjection.class);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(30);

    /** The standing state every instance reads whole: small topics changed by people, not by releases. */
    static final List<Topic<?>> READ = List.of(Topics.POLICIES, Topics.KILL_SWITCH, Topics.KILL_SWITCH_PATTERNS,
            Topics.HOLDS);

    private final List<TopicFollower<?>> followers = new ArrayList<>();
    private final Map<String, Object> config;
    private final SchemaRegistryClient registry;
    private final ReadProgress progress = new ReadProgress();
    private final ReadModelReader readModel;
    private final LatestCheckpoints checkpoints;
    private final BoardProjector projector;
    private volatile boolean running;

    TopicProjection(KafkaProperties kafka, SchemaRegistryClient registry, ConsoleFeed feed, Projection projection,
            Clock clock,
            @Value("${greenlight.console.projection.finished-kept:P7D}") Duration finishedKept,
            @Value("${greenlight.console.projection.sweep-every:PT1M}") Duration sweepEvery) {
        this.config = kafka.buildConsumerProperties();
        this.registry = registry;
        READ.forEach(topic -> followers.add(follower(topic, config, registry, feed)));
        this.readModel = new ReadModelReader(config, feed, progress);
        followers.add(readModel.follower());
        this.checkpoints = new LatestCheckpoints(config, registry, feed);
        this.projector = new BoardProjector(config, kafka.buildProducerProperties(), registry, readModel, projection,
                clock, finishedKept, sweepEvery);
    }

    private <V> TopicFollower<V> follower(Topic<V> topic, Map<String, Object> config,
            SchemaRegistryClient registry, ConsoleFeed feed) {
        return new TopicFollower<>("console-" + topic.name(), topic,
                TopicFollower.consumers(config, "greenlight-console-" + topic.name(), topic, registry),
                record -> {
                    EventTranslation.translate(record.value()).ifPresent(feed::acceptStanding);
                    progress.read(record.topic(), record.partition(), record.offset());
                }, () -> { });
    }

    /** Whether the read model and the standing state were read up to their end offsets of start-up. */
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

    /** The partitioned projector of this instance (for tests: what it owns, folded, started from). */
    BoardProjector projector() {
        return projector;
    }

    @Override
    public void start() {
        followers.forEach(TopicFollower::start);
        checkpoints.start();
        projector.start();
        running = true;
        // The end offsets the lag counts down to, read on the side: a broker that is slow to answer
        // delays the number shown, never the board.
        Thread endOffsets = new Thread(() -> {
            READ.forEach(this::endOffsetsOf);
            endOffsetsOf(Topics.CONSOLE_BOARD);
        }, "console-end-offsets");
        endOffsets.setDaemon(true);
        endOffsets.start();
    }

    private void endOffsetsOf(Topic<?> topic) {
        Map<String, Object> lagConfig = new java.util.HashMap<>(config);
        lagConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        lagConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "greenlight-console-lag-" + topic.name());
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(lagConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
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
        projector.stop();
        checkpoints.stop();
        followers.forEach(TopicFollower::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
